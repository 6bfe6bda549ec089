import FlowDashCore
import FlowDashService
import Foundation
import Testing

/// A run carrying every kind of secret a support bundle must not contain.
enum PlantedSecrets {
    static let bearer = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.Zm9vYmFyYmF6"
    static let amzSignature = "3f1c0ffee0ddba11deadbeef00112233445566778899aabbccddeeff00112233"
    static let amzCredential = "AKIAPLANTEDCREDENTIAL"
    static let userinfoPassword = "u5erinf0-pa55"
    static let queryToken = "qtok-7781-planted"
    static let bodyPassword = "b0dy-pa55w0rd-planted"
    static let apiKey = "ak_live_planted_0042"
    static let configPassword = "config-file-pa55-planted"
    static let inputSecret = "input-secret-planted-99"
    static let sasSignature = "SaSPlantedSig0123456789%3D"
    static let all = [bearer, amzSignature, amzCredential, userinfoPassword, queryToken, bodyPassword, apiKey,
                      configPassword, inputSecret, sasSignature]
    static let sasURL = "https://acct.blob.core.windows.net/c/f.pdf?sv=2024-05-04&se=2026-11-26&sr=b&sp=r&sig=\(sasSignature)"

    static let signedURL = "https://bucket.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=\(amzCredential)%2F20261125%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261125T080000Z"
        + "&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=\(amzSignature)"

    static func run(id: RunID = RunID("7")) -> RunDetail {
        let started = Date(timeIntervalSince1970: 1_800_000_000)
        let failing = StepRun(
            position: 2, name: "upload-report", status: .failed, connection: "storage",
            startedAt: started.addingTimeInterval(1), finishedAt: started.addingTimeInterval(3.5),
            error: StepError(httpStatus: 401, message: "Unauthorized: token \(bearer) expired for \(signedURL)"),
            request: "PUT \(signedURL)\nAuthorization: Bearer \(bearer)\nX-Api-Key: \(apiKey)",
            output: #"{"error":"denied","password":"\#(bodyPassword)","next":"https://bot:\#(userinfoPassword)@hooks.example.com/x?token=\#(queryToken)&page=2","file":"\#(sasURL)"}"#)
        let first = StepRun(position: 1, name: "fetch", status: .succeeded, connection: "crm",
                            startedAt: started, finishedAt: started.addingTimeInterval(1),
                            request: "GET https://crm.example.com/v1/export?api_key=\(apiKey)&format=csv", output: "ok")
        let summary = RunSummary(
            id: id, flow: "nightly-report", status: .failed, startedAt: started, finishedAt: started.addingTimeInterval(3.5),
            inputs: ["day": "2026-11-24", "apiToken": inputSecret],
            failure: RunFailure(error: failing.error ?? StepError(code: "?", message: ""), step: failing.name))
        return RunDetail(summary: summary, steps: [first, failing])
    }

    static let context = SupportContext(
        flowdashVersion: "9.9.9",
        configuration: ["profiles.prod.url": "https://admin:\(configPassword)@airflow.example.com",
                        "profiles.prod.password": configPassword, "theme": "dark"],
        knownSecrets: [configPassword])
}

@Suite struct SupportBundleTests {
    let service = FlowService(backend: RecordingBackend(runs: [PlantedSecrets.run()]))

    @Test func theBundleHoldsTheRunStepsTimingsAndEnvironment() async throws {
        let bundle = try await service.supportBundle(for: RunID("7"), context: PlantedSecrets.context)
        #expect(bundle.run.flow == "nightly-report")
        #expect(bundle.run.durationMs == 3500)
        #expect(bundle.run.inputs["day"] == "2026-11-24")
        #expect(bundle.steps.map(\.name) == ["fetch", "upload-report"])
        #expect(bundle.steps.map(\.failing) == [false, true])
        #expect(bundle.steps[1].durationMs == 2500)
        #expect(bundle.steps[1].errorCode == "401")
        #expect(bundle.environment.flowdashVersion == "9.9.9")
        #expect(bundle.environment.backend == "recording")
        #expect(!bundle.environment.operatingSystem.isEmpty)
        #expect(bundle.environment.configuration["theme"] == "dark")
        #expect(bundle.diagnosis?.kind == "authentication")
        #expect(bundle.diagnosis?.solutions.first == "http-401-expired-token")
        // Redacted, not dropped: the shape of what failed stays readable.
        #expect(bundle.steps[1].request?.contains("https://bucket.s3.amazonaws.com/report.csv?") == true)
        #expect(bundle.steps[0].request?.contains("format=csv") == true)
        #expect(bundle.steps[1].output?.contains("hooks.example.com") == true)
    }

    @Test func noPlantedSecretIsInAnyFileOfTheArchive() async throws {
        let bundle = try await service.supportBundle(for: RunID("7"), context: PlantedSecrets.context)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let archive = folder.appendingPathComponent("bundle.tar.gz")
        try SupportBundleArchive.write(bundle, to: archive, overwrite: false)

        let names = try extract(archive, into: folder.appendingPathComponent("out"))
        #expect(names == ["README.txt", "diagnosis.json", "environment.json", "run.json", "steps.json"])
        var everything = ""
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent("out/flowdash-support/\(name)"), encoding: .utf8)
            everything += text
            if name.hasSuffix(".json") { _ = try JSONSerialization.jsonObject(with: Data(text.utf8)) }
        }
        for secret in PlantedSecrets.all {
            #expect(!everything.contains(secret), "found \(secret)")
        }
        #expect(everything.contains("[redacted]"))
        #expect(everything.contains("nightly-report"))
    }

    @Test func anExistingFileIsReplacedOnlyWhenAsked() async throws {
        let bundle = try await service.supportBundle(for: RunID("7"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString).tar.gz")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("keep me".utf8).write(to: file)
        #expect(throws: SupportBundleArchive.Problem.fileExists(file.path)) {
            try SupportBundleArchive.write(bundle, to: file, overwrite: false)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
        try SupportBundleArchive.write(bundle, to: file, overwrite: true)
        #expect(try Data(contentsOf: file).prefix(2) == Data([0x1f, 0x8b]))
    }

    /// Extracts with the system tar, as support would, and lists the bundle's files.
    private func extract(_ archive: URL, into folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xzf", archive.path, "-C", folder.path]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        return try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("flowdash-support").path).sorted()
    }
}
