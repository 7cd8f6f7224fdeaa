//! Storage sizes as people read them: "840 B", "1,2 MB" in Dutch, "1.2 MB" in English. Units
//! are decimal (1 kB = 1,000 B), as browsers and operating systems show them today.

use crate::domain::model::Lang;

const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];

/// `bytes` with one decimal in the largest unit that keeps the figure at 1 or more; whole
/// bytes below 1 kB.
///
/// The figure is rounded half up in integer tenths rather than through a float, so the text
/// is exact for every `u64`.
pub fn format_bytes(bytes: u64, lang: Lang) -> String {
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    // Tenths of a unit of `scale` bytes, rounded half up. Quotient and remainder are taken
    // apart so that even `u64::MAX` cannot overflow.
    let tenths_of = |scale: u64| {
        let tenth = scale / 10;
        bytes / tenth + u64::from(bytes % tenth >= tenth - tenth / 2)
    };
    let mut unit = 0;
    let mut scale = 1000;
    // Rounding can carry a figure to 1000.0 of its unit (999,950 B is 1000.0 kB): that is
    // 1.0 of the next unit.
    while tenths_of(scale) >= 10_000 && unit + 1 < UNITS.len() {
        unit += 1;
        scale *= 1000;
    }
    let tenths = tenths_of(scale);
    let separator = lang.pick(",", ".");
    format!("{}{separator}{} {}", tenths / 10, tenths % 10, UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_the_largest_fitting_unit_with_one_decimal() {
        let cases: [(u64, &str, &str); 10] = [
            (0, "0 B", "0 B"),
            (999, "999 B", "999 B"),
            (1000, "1,0 kB", "1.0 kB"),
            (1049, "1,0 kB", "1.0 kB"),
            (1050, "1,1 kB", "1.1 kB"),
            (999_949, "999,9 kB", "999.9 kB"),
            (999_950, "1,0 MB", "1.0 MB"),
            (1_234_567, "1,2 MB", "1.2 MB"),
            (300_000_000_000, "300,0 GB", "300.0 GB"),
            (u64::MAX, "18446744,1 TB", "18446744.1 TB"),
        ];
        for (bytes, nl, en) in cases {
            assert_eq!(format_bytes(bytes, Lang::Nl), nl, "{bytes} B in Dutch");
            assert_eq!(format_bytes(bytes, Lang::En), en, "{bytes} B in English");
        }
    }
}
