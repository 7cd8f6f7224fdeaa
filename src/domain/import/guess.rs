//! Which column of a file feeds which field: a guess from the header's words, which the user
//! then corrects.

use super::{Field, Mapping};
use crate::domain::fold::folded;
use crate::domain::sorting;

/// How a column's name may suggest a field. Names and exclusions are written as `Header`
/// normalises them: lower case, no accents, words separated by single spaces.
struct Guess {
    field: Field,
    /// The names that suggest the field, the most telling first.
    names: &'static [&'static str],
    /// Fragments that rule the field out, such as "excl" for the amount including VAT.
    /// Fragments of three letters or fewer must be a whole word; longer ones may be part of one.
    not: &'static [&'static str],
}

/// Dutch and English names as Moneybird, e-Boekhouden, Excel users and this module's own export
/// write them, plus the French names that Belgian users meet.
#[rustfmt::skip]
const GUESSES: [Guess; 14] = [
    Guess {
        field: Field::InvoiceNumber,
        names: &[
            "factuurnummer", "factuur nr", "factuurnr", "invoice number", "invoice no", "invoice nr",
            "numero de facture", "numero facture", "no facture", "boekstuknummer", "boekstuk nr", "invoice", "factuur",
            "facture", "boekstuk", "nummer", "number", "numero", "nr", "no",
        ],
        // The number of a customer ("Debiteurnummer", Moneybird's "Contactnummer", "Customer
        // ID") is never the invoice's: taking it would file every invoice of a customer under
        // one number, and all but the first would be skipped as duplicates.
        not: &[
            "datum", "date", "bedrag", "amount", "totaal", "total", "montant", "klant", "customer", "client",
            "relatie", "debiteur", "debtor", "contact", "status", "type", "soort", "betaal", "paid", "verval", "due",
            "omschrijving", "description", "btw", "vat", "tva",
        ],
    },
    Guess {
        field: Field::CustomerName,
        names: &[
            "klantnaam", "naam klant", "relatienaam", "naam relatie", "debiteurnaam", "bedrijfsnaam", "customer name",
            "client name", "company name", "nom client", "nom du client", "klant", "relatie", "debiteur", "contact",
            "contactnaam", "bedrijf", "organisatie", "customer", "client", "company", "organisation", "organization",
            "debtor", "bill to", "naam", "name", "nom",
        ],
        not: &[
            "mail", "telefoon", "phone", "tel", "mobiel", "mobile", "gsm", "nummer", "number", "numero", "nr", "no",
            "id", "code", "type", "soort", "kind", "adres", "address", "adresse", "plaats", "city", "ville",
            "postcode", "zip", "land", "country", "pays", "persoon", "person", "btw", "vat", "tva", "kvk", "iban",
        ],
    },
    Guess {
        field: Field::CustomerEmail,
        names: &[
            "emailadres", "email address", "mailadres", "adresse email", "email", "mail", "courriel",
        ],
        not: &[
            "datum", "date", "verzonden", "sent", "envoye",
        ],
    },
    Guess {
        field: Field::CustomerPhone,
        names: &[
            "telefoonnummer", "telefoon", "phone number", "telephone", "phone", "mobielnummer", "mobiel", "mobile",
            "gsm", "telnr", "tel",
        ],
        not: &[],
    },
    Guess {
        field: Field::CustomerKind,
        names: &[
            "klanttype", "type klant", "soort klant", "klantsoort", "customer type", "client type", "type de client",
            "zakelijk of particulier", "particulier of zakelijk", "zakelijk", "particulier", "b2b",
        ],
        not: &[
            "factuur", "invoice", "facture", "btw", "vat", "tva", "betaal", "payment",
        ],
    },
    Guess {
        field: Field::IssueDate,
        names: &[
            "factuurdatum", "datum factuur", "invoice date", "issue date", "date issued", "date de facture",
            "date facture", "documentdatum", "document date", "datum", "date", "boekdatum",
        ],
        not: &[
            "verval", "due", "betaal", "paid", "payment", "uiterlijk", "uiterste", "echeance", "paiement", "verzend",
            "sent",
        ],
    },
    Guess {
        field: Field::DueDate,
        names: &[
            "vervaldatum", "verval datum", "vervaldag", "uiterste betaaldatum", "uiterlijke betaaldatum",
            "te betalen voor", "betalen voor", "due date", "date due", "payment due", "date d echeance",
            "date echeance", "echeance", "due",
        ],
        not: &[
            "dagen", "days", "jours", "termijn", "term", "bedrag", "amount", "totaal", "total", "montant",
        ],
    },
    Guess {
        field: Field::PaymentTermDays,
        names: &[
            "betalingstermijn", "betaaltermijn", "payment term", "payment terms", "delai de paiement", "termijn",
            "term", "terms",
        ],
        not: &[
            "over", "laat", "late", "retard", "datum", "date",
        ],
    },
    Guess {
        field: Field::Amount,
        names: &[
            "bedrag incl btw", "totaal incl btw", "factuurbedrag incl btw", "bedrag inclusief btw",
            "totaal inclusief btw", "amount incl vat", "total incl vat", "amount including vat",
            "total including vat", "montant ttc", "total ttc", "incl btw", "inclusief btw", "bedrag incl",
            "totaal incl", "gross amount", "factuurbedrag", "invoice amount", "invoice total", "totaalbedrag",
            "total amount", "bedrag", "totaal", "total", "amount", "montant",
        ],
        not: &[
            "excl", "exclusief", "ex", "ht", "netto", "net", "openstaand", "outstanding", "open", "betaald", "paid",
            "paye", "saldo", "balance", "solde", "resterend", "remaining", "ontvangen", "received",
        ],
    },
    Guess {
        field: Field::Currency,
        names: &[
            "valuta", "munteenheid", "valutacode", "currency", "currency code", "devise", "munt",
        ],
        not: &[],
    },
    Guess {
        field: Field::Description,
        names: &[
            "omschrijving", "beschrijving", "description", "libelle", "onderwerp", "subject", "project", "kenmerk",
            "referentie", "reference", "toelichting", "opmerking", "memo", "notes",
        ],
        not: &[],
    },
    Guess {
        field: Field::AmountPaid,
        names: &[
            "betaald bedrag", "bedrag betaald", "amount paid", "paid amount", "montant paye", "reeds betaald",
            "ontvangen bedrag", "amount received", "betaald", "voldaan", "ontvangen", "paid", "received", "paye",
        ],
        not: &[
            "datum", "date", "op", "on", "le", "wijze", "method", "mode", "status",
        ],
    },
    Guess {
        field: Field::Outstanding,
        names: &[
            "openstaand bedrag", "openstaand", "nog te betalen", "open bedrag", "outstanding amount", "outstanding",
            "amount due", "balance due", "montant du", "solde", "saldo", "resterend", "remaining", "balance",
        ],
        not: &[
            "datum", "date", "dagen", "days", "jours",
        ],
    },
    Guess {
        field: Field::Status,
        names: &[
            "factuurstatus", "invoice status", "statut", "status",
        ],
        not: &[
            "betaal", "payment", "paiement", "klant", "customer", "client", "datum", "date",
        ],
    },
];

/// A column name reduced to what matters for guessing: lower case, accents off, punctuation
/// between words dropped.
struct Header {
    words: Vec<String>,
    joined: String,
}

impl Header {
    fn new(name: &str) -> Header {
        let folded = folded(name);
        let words: Vec<String> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        let joined = words.concat();
        Header { words, joined }
    }

    fn has_fragment(&self, fragment: &str) -> bool {
        if fragment.len() <= 3 {
            self.words.iter().any(|w| w == fragment)
        } else {
            self.joined.contains(fragment)
        }
    }

    /// How well a name fits, higher is better: the whole header, then a run of whole words,
    /// then (for names of five letters or more) a part of a compound word such as "datum" in
    /// "Factuurdatum". `rank` is the name's place in its list, so the more telling name wins.
    fn fit(&self, name: &str, rank: usize) -> Option<usize> {
        let words: Vec<&str> = name.split(' ').collect();
        let joined = words.concat();
        let bonus = 100usize.saturating_sub(rank);
        if self.joined == joined {
            Some(3000 + bonus)
        } else if self
            .words
            .windows(words.len())
            .any(|w| w.iter().zip(&words).all(|(a, b)| a == b))
        {
            Some(2000 + bonus)
        } else if joined.len() >= 5 && self.joined.contains(&joined) {
            Some(1000 + bonus)
        } else {
            None
        }
    }

    /// VAT alone ("Btw", "VAT amount") is never the invoice total.
    fn is_vat_only(&self) -> bool {
        let vat = ["btw", "vat", "tva", "tax", "bt"].iter().any(|v| self.has_fragment(v));
        let including = ["incl", "inclusief", "including", "inc", "ttc"]
            .iter()
            .any(|v| self.has_fragment(v));
        vat && !including
    }

    fn score(&self, guess: &Guess) -> Option<usize> {
        if guess.not.iter().any(|n| self.has_fragment(n)) || (guess.field == Field::Amount && self.is_vat_only()) {
            return None;
        }
        guess
            .names
            .iter()
            .enumerate()
            .filter_map(|(rank, name)| self.fit(name, rank))
            .max()
    }
}

/// Proposes a mapping from the header's names, in Dutch, English or French, ignoring case,
/// accents and punctuation. Every field gets at most one column and every column at most one
/// field; the best fits are handed out first, so "Vervaldatum" goes to the due date before the
/// invoice date could take it for its "datum".
pub fn guess_mapping(headers: &[String]) -> Mapping {
    let parsed: Vec<Header> = headers.iter().map(|h| Header::new(h)).collect();
    let mut fits: Vec<(usize, Field, usize)> = Vec::new();
    for guess in &GUESSES {
        for (column, header) in parsed.iter().enumerate() {
            if let Some(score) = header.score(guess) {
                fits.push((score, guess.field, column));
            }
        }
    }
    // Best fit first; among equals the earlier field and then the leftmost column, so the
    // outcome never depends on the sort's stability.
    sorting::sort_by(&mut fits, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut mapping = Mapping::default();
    let mut used = vec![false; headers.len()];
    for (_, field, column) in fits {
        let free = used.get(column).is_some_and(|u| !u);
        if mapping.get(field).is_none() && free {
            mapping.set(field, Some(column));
            if let Some(u) = used.get_mut(column) {
                *u = true;
            }
        }
    }
    mapping
}
