import FlowDashCore
import Testing

struct JSONValueTests {
    @Test func compactJSONSortsKeysAndKeepsTypes() throws {
        let value = try #require(JSONValue.parse(#"{"b": [1, 2.5, true, null], "a": "x\"y"}"#))
        #expect(value.compactJSON == #"{"a":"x\"y","b":[1,2.5,true,null]}"#)
    }

    @Test func stringsShowAsThemselvesEverythingElseAsJSON() {
        #expect(JSONValue.string("c-1001").displayText == "c-1001")
        #expect(JSONValue.integer(3).displayText == "3")
        #expect(JSONValue.object(["k": .bool(false)]).displayText == #"{"k":false}"#)
    }

    @Test func numbersPrintAsJSONWriters() {
        #expect(JSONLiteral.number(2) == "2")
        #expect(JSONLiteral.number(12.5) == "12.5")
        #expect(JSONLiteral.number(.infinity) == "null")
        #expect(JSONLiteral.quoted("a\u{1}\n") == #""a\u0001\n""#)
    }

    @Test func textThatIsNotJSONParsesToNothing() {
        #expect(JSONValue.parse("not json") == nil)
    }
}
