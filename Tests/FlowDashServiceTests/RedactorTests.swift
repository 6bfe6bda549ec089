import FlowDashService
import Testing

@Suite struct SupportBundleRedactorTests {
    let redactor = SupportBundleRedactor(knownSecrets: ["hunter2-known", "ab"])

    @Test(arguments: [
        ("Authorization: Bearer abc.def.ghi123", "Authorization: [redacted]"),
        ("sent bearer eyJabc123456789 to it", "sent bearer [redacted] to it"),
        ("password=s3cr3t&user=ann", "password=[redacted]&user=ann"),
        (#"{"client_secret": "xyz-123", "id": 4}"#, #"{"client_secret": "[redacted]", "id": 4}"#),
        ("api_key: k-99 next", "api_key: [redacted] next"),
        ("https://ann:pw@host.example/x", "https://[redacted]@host.example/x"),
        ("https://h/x?sig=abc&sv=2024&se=tomorrow", "https://h/x?sig=[redacted]&sv=2024&se=tomorrow"),
        ("https://h/cb?code=4/0Ab&state=xyz", "https://h/cb?code=[redacted]&state=xyz"),
        ("https://h/x?access_token=t1&key=k2", "https://h/x?access_token=[redacted]&key=[redacted]"),
        ("it was hunter2-known all along", "it was [redacted] all along"),
    ])
    func removesWhatLooksSecret(_ text: String, _ expected: String) {
        #expect(redactor.redact(text) == expected)
    }

    @Test func leavesOrdinaryTextAlone() {
        let text = "GET https://api.example.com/v1/customers?page=2 → 404 Not Found (no manager configured); about 12 ab"
        #expect(redactor.redact(text) == text)
    }

    @Test func namesThatHoldSecretsAreRecognised() {
        #expect(SupportBundleRedactor.namesSecret("apiToken"))
        #expect(SupportBundleRedactor.namesSecret("profiles.prod.password"))
        #expect(SupportBundleRedactor.namesSecret("stripe_key"))
        #expect(!SupportBundleRedactor.namesSecret("customer"))
        #expect(!SupportBundleRedactor.namesSecret("day"))
    }
}
