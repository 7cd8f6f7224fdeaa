//! Where the app is served from. On GitHub Pages it lives under a sub-path such as
//! `/invoice-chaser/`; the build writes that into `<base href>`, and everything else follows
//! from the document's base URI, so one build never hard-codes its own location.

use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// The router base without a trailing slash: `""` at the root, `"/invoice-chaser"` under a
/// sub-path.
pub fn router_base() -> &'static str {
    BASE.get_or_init(|| {
        let path = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|url| url.pathname())
            .unwrap_or_default();
        path.trim_end_matches('/').to_owned()
    })
}

/// An absolute link to an app path (`"/invoices"`), with the base in front, for `href`
/// attributes: the router does not add its base to the links of plain anchors.
///
/// Never for `navigate`: the router's `navigate` puts its base in front of an absolute path
/// itself, so a path from here would carry the base twice and land on "not found" under a
/// sub-path.
pub fn href(path: &str) -> String {
    format!("{}{}", router_base(), path)
}
