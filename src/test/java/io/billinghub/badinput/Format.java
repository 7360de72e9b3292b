package io.billinghub.badinput;

/** An input format of the hub, as the README table names it, and what is refused when it is refused whole. */
enum Format {
    CARRIER_CSV("Carrier invoice CSV", "file"),
    CARRIER_X12("Carrier invoice X12 811", "file"),
    CXONE_INVOICE_CSV("CXone invoice CSV", "file"),
    WEBEX_INVOICE_CSV("Webex partner invoice CSV", "file"),
    WEBEX_REPORT_CSV("Webex report CSV", "report"),
    TELEPHONY_MAPPINGS("Telephony mappings", "set"),
    LEDGER_MAPPINGS("Ledger mappings", "set"),
    CHARGEBACK_MAPPINGS("Chargeback mappings", "set"),
    WEBEX_PRICES("Webex SKU prices", "set"),
    GENESYS_USAGE("Genesys usage API page", "page"),
    CXONE_REPORT("CXone usage report page", "page"),
    GENESYS_ORG("Genesys organisation API page", "page");

    private final String label;
    private final String whole;

    Format(String label, String whole) {
        this.label = label;
        this.whole = whole;
    }

    String label() {
        return label;
    }

    /** "file", "report", "page" or "set". */
    String whole() {
        return whole;
    }

    boolean mappingSet() {
        return whole.equals("set");
    }

    boolean json() {
        return this == GENESYS_USAGE || this == CXONE_REPORT || this == GENESYS_ORG;
    }
}
