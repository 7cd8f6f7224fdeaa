//! Any bytes, read as text, given to the backup reader: it must refuse what it cannot read
//! with an error, never with a panic or a stack overflow.
#![no_main]

use invoice_chaser::domain::backup;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = backup::parse(&text);
});
