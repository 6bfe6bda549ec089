/// The text of the demo workspace's files, in the format of docs/WORKSPACE.md.
enum DemoWorkspaceFiles {
    /// A flow file, with the inputs its seed runs with and the outcome that run should have.
    struct Flow: Sendable {
        let name: String
        let defaultInputs: [String: String]
        let expectedOutcome: String
        let yaml: String
    }

    static func connections(baseURL: String) -> String {
        """
        # The demo API's services, all served by `flowdash demo` on this machine.
        # Secrets are not here: the demo stores them, and `flowdash connections verify` replaces them.
        crm:
          baseURL: \(baseURL)
          auth: bearer
          verify: /v1/me
        billing:
          baseURL: \(baseURL)
          auth: apiKey
          header: X-API-Key
          verify: /v1/billing/me
        directory:
          baseURL: \(baseURL)
          auth: basic
          username: \(DemoCredentials.directoryUser)
          verify: /v1/directory/me
        reports:
          baseURL: \(baseURL)
          auth: none
          verify: /v1/health

        """
    }

    static let flows: [Flow] = [
        Flow(name: "health-check", defaultInputs: [:], expectedOutcome: "succeeded", yaml: """
            # Demonstrates a run that succeeds: nothing to fix.
            description: Check that the demo API answers
            owner: ops@example.com
            steps:
              - name: check-health
                connection: reports
                path: /v1/health

            """),
        Flow(name: "daily-echo", defaultInputs: [:], expectedOutcome: "succeeded", yaml: """
            # Demonstrates a two-step run that passes data between steps and succeeds: nothing to fix.
            description: Echo a request, then post back what the first step saw
            owner: ops@example.com
            steps:
              - name: ping
                connection: reports
                method: GET
                path: /v1/echo
              - name: post-back
                connection: reports
                method: POST
                path: /v1/echo
                headers: { Content-Type: application/json }
                body: '{"echoed": "{{steps.ping.json.path}}"}'

            """),
        Flow(name: "sync-customers", defaultInputs: ["customer": "c-1001"], expectedOutcome: "authentication", yaml: """
            # Demonstrates an authentication failure (401: the stored crm token expired). Fix: verify crm
            # with the token \(DemoCredentials.validCRMToken) (flowdash connections verify crm), then resubmit.
            description: Copy a customer from the CRM into billing
            owner: ops@example.com
            inputs:
              customer: c-1001
            steps:
              - name: fetch-customer
                connection: crm
                method: GET
                path: /v1/customers/{{inputs.customer}}
              - name: create-invoice
                connection: billing
                method: POST
                path: /v1/invoices
                headers: { Content-Type: application/json }
                body: '{"customer": "{{steps.fetch-customer.json.name}}"}'
                expect: [201]

            """),
        Flow(name: "export-leads", defaultInputs: ["customer": "c-3003"], expectedOutcome: "authentication", yaml: """
            # Demonstrates one cause failing many runs: this flow also reads the CRM through `crm`, whose
            # stored token expired. Verify crm once, then resubmit every run of the group together
            # (G on the activity screen, or: flowdash resubmit --group connection:crm:authentication).
            description: Export a CRM customer to the reports service as a lead
            owner: sales@example.com
            inputs:
              customer: c-3003
            steps:
              - name: fetch-customer
                connection: crm
                method: GET
                path: /v1/customers/{{inputs.customer}}
              - name: post-lead
                connection: reports
                method: POST
                path: /v1/echo
                headers: { Content-Type: application/json }
                body: '{"lead": "{{steps.fetch-customer.json.email}}"}'

            """),
        Flow(name: "check-crm-account", defaultInputs: [:], expectedOutcome: "authentication", yaml: """
            # Demonstrates the same expired crm token failing a third flow (see export-leads).
            description: Check that the CRM account answers
            owner: sales@example.com
            steps:
              - name: check-account
                connection: crm
                method: GET
                path: /v1/me

            """),
        Flow(name: "bill-customers", defaultInputs: ["customer": "c-2002"], expectedOutcome: "configuration", yaml: """
            # Demonstrates a configuration failure (404: the path has a typo). Fix: edit this flow so the
            # path is /v1/invoices (plural), then resubmit.
            description: Create an invoice for a customer
            owner: billing@example.com
            inputs:
              customer: c-2002
            steps:
              - name: create-invoice
                connection: billing
                method: POST
                path: /v1/invoice
                headers: { Content-Type: application/json }
                body: '{"customer": "{{inputs.customer}}"}'
                expect: [201]

            """),
        Flow(name: "nightly-report", defaultInputs: ["date": "2026-11-24"], expectedOutcome: "transient", yaml: """
            # Demonstrates a transient failure (502: the report service is briefly down). Fix: resubmit;
            # the second request for the same date succeeds.
            description: Fetch the nightly report for a date
            owner: reports@example.com
            inputs:
              date: "2026-11-24"    # quoted: YAML 1.1 would read a bare date as a timestamp
            steps:
              - name: fetch-report
                connection: reports
                method: GET
                path: /v1/reports/{{inputs.date}}

            """),
        Flow(name: "place-order", defaultInputs: ["sku": "FD-42"], expectedOutcome: "configuration", yaml: """
            # Demonstrates a configuration failure (400: field 'quantity' is required). Fix: edit this flow
            # so the body is '{"sku": "{{inputs.sku}}", "quantity": 1}', then resubmit.
            description: Place an order for one item
            owner: orders@example.com
            inputs:
              sku: FD-42
            steps:
              - name: create-order
                connection: reports
                method: POST
                path: /v1/orders
                headers: { Content-Type: application/json }
                body: '{"sku": "{{inputs.sku}}"}'
                expect: [201]

            """),
        Flow(name: "notify-manager", defaultInputs: ["user": "jdoe"], expectedOutcome: "other", yaml: """
            # Demonstrates a failure no edit or resubmit fixes (422: jdoe has no manager in the
            # directory). Fix: get help from the directory's owners, or run it for another user.
            description: Find a user's manager in the directory
            owner: people@example.com
            inputs:
              user: jdoe
            steps:
              - name: find-manager
                connection: directory
                method: GET
                path: /v1/directory/users/{{inputs.user}}/manager

            """),
    ]
}
