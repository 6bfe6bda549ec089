/// The demo API's memory: which report dates and flaky keys were seen, and id counters.
/// A fresh instance per server start, so every demo begins with the same failures.
actor DemoAPIState {
    private var requestedReportDates: Set<String> = []
    private var flakyRequestCounts: [String: Int] = [:]
    private var invoiceCount = 0
    private var orderCount = 0

    /// True only for the first request of `date`: that one gets the transient 502.
    func isFirstReportRequest(for date: String) -> Bool {
        requestedReportDates.insert(date).inserted
    }

    /// The 1-based number of this request for `key`.
    func nextFlakyAttempt(for key: String) -> Int {
        let attempt = flakyRequestCounts[key, default: 0] + 1
        flakyRequestCounts[key] = attempt
        return attempt
    }

    func nextInvoiceID() -> String {
        invoiceCount += 1
        return "inv-\(invoiceCount)"
    }

    func nextOrderID() -> String {
        orderCount += 1
        return "ord-\(orderCount)"
    }
}
