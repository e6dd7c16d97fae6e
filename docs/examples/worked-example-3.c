/*
 * docs/examples/worked-example-3.c: the three-year case of the worked examples
 * (docs/methodology.md, "Worked examples"),
 * computed with the plain finance functions of libairoi.
 *
 * Build against an installed libairoi:
 *   cc worked-example-3.c $(pkg-config --cflags --libs airoi) -o worked-example-3
 */
#include <stdio.h>

#include <airoi/airoi.h>

static int check(int status, const char *what)
{
    if (status != AIROI_OK)
        fprintf(stderr, "%s: %s: %s\n", what, airoi_status_str(status), airoi_last_error_message());
    return status;
}

int main(void)
{
    const double costs[] = {350, 180, 150, 150};
    const double benefits[] = {0, 300, 490, 620}; /* efficiency + revenue + risk */
    const double rate = 0.08;
    double net[4], cum = 0, npv, irr, payback, dpayback;
    int reached, dreached;

    printf("libairoi %s: worked example 3 (three-year case, discount rate 8%%)\n\n",
           airoi_version_string());
    printf("%-6s %10s %10s %10s %12s\n", "year", "costs", "benefits", "net", "cumulative");
    for (int t = 0; t < 4; t++) {
        net[t] = benefits[t] - costs[t];
        cum += net[t];
        printf("%-6d %10.2f %10.2f %10.2f %12.2f\n", t, costs[t], benefits[t], net[t], cum);
    }
    if (check(airoi_npv0(&npv, rate, net, 4), "NPV") ||
        check(airoi_irr(&irr, net, 4, 0.1), "IRR") ||
        check(airoi_payback(&payback, &reached, net, 4), "payback") ||
        check(airoi_discounted_payback(&dpayback, &dreached, rate, net, 4), "discounted payback"))
        return 1;
    printf("\nNPV (t=0 convention)      %10.2f\n", npv);
    printf("IRR                       %9.2f%%\n", irr * 100);
    if (reached)
        printf("payback                   %10.3f years\n", payback);
    else
        printf("payback                        never\n");
    if (dreached)
        printf("discounted payback        %10.3f years\n", dpayback);
    else
        printf("discounted payback             never\n");
    return 0;
}
