/*
 * lib/model/iso4217.c: the currency codes of ISO 4217 (model layer), for
 * the plausibility warnings of the validator (lib/eval/validate.c): a
 * currency that is not in this table gets a warning, and a lowercase code
 * whose uppercase is in it gets "did you mean USD?".
 *
 * Source: ISO 4217 "List One: Current currency & funds code list", as
 * published by its maintenance agency, SIX Group
 * (https://www.six-group.com/en/products-services/financial-information/data-standards.html),
 * as of 2025 (with ZWG, added in 2024, and XCG, added in 2025; withdrawn
 * codes such as HRK, SLL and ZWL are left out), alphabetic codes only,
 * including the fund codes
 * (e.g. CLF, USN), the precious metals (XAU, XAG, XPD, XPT) and the special
 * codes XDR, XSU, XUA, XTS and XXX. The table is sorted; keep it so when a
 * code is added (a new amendment is the only reason to edit it).
 */
#include <stdlib.h>
#include <string.h>

#include "rules-private.h"

static const char codes[][4] = {
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE",
    "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL",
    "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR",
    "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
    "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK",
    "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO",
    "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON",
    "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD",
    "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD",
    "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV",
    "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD",
    "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
};

static int cmp(const void *key, const void *elem)
{
    return strcmp(key, elem);
}

int airoi__iso4217_known(const char *code)
{
    if (!code || strlen(code) != 3)
        return 0;
    return bsearch(code, codes, sizeof codes / sizeof codes[0], sizeof codes[0], cmp) != NULL;
}
