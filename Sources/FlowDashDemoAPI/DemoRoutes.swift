/// The demo API's route table; each endpoint's behaviour is in DemoEndpoints+*.swift.
enum DemoRoutes {
    static let all: [DemoRoute] = [
        // Echo first: it is the benchmark's target, so it should match without scanning.
        DemoRoute("GET", "/v1/echo", DemoEndpoints.echo),
        DemoRoute("POST", "/v1/echo", DemoEndpoints.echo),
        DemoRoute("GET", "/v1/health", DemoEndpoints.health),
        DemoRoute("GET", "/v1/me", DemoEndpoints.crmMe),
        DemoRoute("GET", "/v1/customers/{id}", DemoEndpoints.customer),
        DemoRoute("GET", "/v1/billing/me", DemoEndpoints.billingMe),
        DemoRoute("POST", "/v1/invoices", DemoEndpoints.createInvoice),
        DemoRoute("GET", "/v1/directory/me", DemoEndpoints.directoryMe),
        DemoRoute("GET", "/v1/directory/users/{user}/manager", DemoEndpoints.manager),
        DemoRoute("GET", "/v1/reports/{date}", DemoEndpoints.report),
        DemoRoute("POST", "/v1/orders", DemoEndpoints.createOrder),
        DemoRoute("GET", "/v1/flaky/{key}", DemoEndpoints.flaky),
        DemoRoute("GET", "/v1/slow", DemoEndpoints.slow),
        DemoRoute("GET", "/v1/hostile", DemoEndpoints.hostile),
        DemoRoute("GET", "/v1/big", DemoEndpoints.big),
        DemoRoute("GET", "/v1/binary", DemoEndpoints.binary),
        DemoRoute("GET", "/v1/redirect", DemoEndpoints.redirect),
    ]
}
