import Foundation
@testable import KurentoRuntime
import Testing

/// The protocol handler's JSON parser (also behind `JSON(text:)`) gives the values JSONDecoder gives, and rejects
/// what it rejects, but for the differences listed.
@Suite struct JSONParserTests {
    static let samples: [String] = [
        "0", "-0", "1", "-1", "1.0", "1e2", "1E+2", "2.5e-3", "-0.0", "0.1e1", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "12345678901234567890", "1.7976931348623157e308", "5e-324", "3.14159",
        "true", "false", "null", #""""#, #""plain""#, #""esc \" \\ \/ \b \f \n \r \t""#, #""\u00e9\u0000\ud83d\ude00 ü €""#,
        "[]", "{}", " [ 1 , 2 ,3 ] ", #"{"a":{"b":[{"c":null}]},"d":"e"}"#, #"{"dup":1,"dup":2}"#,
        #"{"jsonrpc":"2.0","method":"ping","params":{"interval":5000},"id":0}"#,
        // Not JSON.
        "", " ", "nul", "tru", "01", "-", "1.", ".5", "1e", "+1", "[1,]", "{,}", #"{"a":}"#, #"{"a" 1}"#, "[1 2]", "{'a':1}",
        #""unterminated"#, "\"raw\ncontrol\"", controlsInARepeatedKey, #""\x""#, #""\u12""#, #""\ud800""#, #""\udc00 low""#, "1E400", "NaN", "[1] x", "\u{0}",
    ]

    /// Raw control characters in the value of a repeated key (found by the protocol fuzzer).
    static let controlsInARepeatedKey = "{\"a\":\"z\",\"a\":\"x\u{01}\u{00}y\"}"

    /// Where the two differ on purpose.
    static let differences: [String: JSON?] = [
        // JSONDecoder accepts a trailing comma in an array; RFC 8259 does not.
        "[1,]": nil,
        // JSONDecoder keeps the first of repeated keys and never looks into the later values, raw control
        // characters included; RFC 8259 does not allow those anywhere.
        controlsInARepeatedKey: nil,
    ]

    @Test func sameValuesAsJSONDecoder() throws {
        var inputs = Self.samples
        if let log = try? RequestLog.load() { inputs += log.map { $0.frame.text } }
        for text in inputs {
            let expected = Self.differences[text] ?? (try? JSONDecoder().decode(JSON.self, from: Data(text.utf8)))
            #expect(JSONParser.parse(text) == expected, "\(text)")
        }
    }

    @Test func nestingIsBounded() {
        let ok = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(JSONParser.parse(ok) != nil)
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        #expect(JSONParser.parse(deep) == nil)
        let deepObjects = String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        #expect(JSONParser.parse(deepObjects) == nil)
    }
}
