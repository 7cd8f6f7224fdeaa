//! Contact details as users type them.

/// Whether text looks like an email address: one @ with something on each side, a domain of
/// dot-separated labels and a top-level domain of at least two letters. It does not prove the
/// address exists; it catches typing slips before a reminder goes nowhere.
pub fn is_valid_email(email: &str) -> bool {
    let email = email.trim();
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    if local.is_empty() || domain.contains('@') || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels.last().copied().unwrap_or_default();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && tld.chars().count() >= 2
        && tld.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_as_typed() {
        let cases = [
            ("piet@bakkerij.nl", true),
            (" piet.de.vries+facturen@mail.bakkerij.nl ", true),
            ("info@xn--caf-dma.be", true),
            ("", false),
            ("piet", false),
            ("piet@", false),
            ("@bakkerij.nl", false),
            ("piet@bakkerij", false),
            ("piet@bakkerij.n", false),
            ("piet@@bakkerij.nl", false),
            ("piet @bakkerij.nl", false),
            ("piet@bakkerij..nl", false),
            ("piet@-bakkerij.nl", false),
            ("piet@bakkerij.123", false),
        ];
        for (input, expected) in cases {
            assert_eq!(is_valid_email(input), expected, "{input:?}");
        }
    }
}
