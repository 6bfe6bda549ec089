@testable import FlowDashService
import Foundation
import Testing

struct CurlSMTPTransportTests {
    @Test func netrcValuesAreQuotedSoSpacesAndQuotesStayInside() {
        #expect(CurlSMTPTransport.netrcToken("pass word") == #""pass word""#)
        #expect(CurlSMTPTransport.netrcToken(#"a"b\c"#) == #""a\"b\\c""#)
    }

    @Test func theCredentialsFileIsPrivateFromTheStartAndNeverReused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("netrc-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(CurlSMTPTransport.createPrivateFile(at: path, contents: Data("machine h login u password p\n".utf8)))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(!CurlSMTPTransport.createPrivateFile(at: path, contents: Data()), "an existing file is not overwritten")
    }
}
