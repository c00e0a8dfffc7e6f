import Testing
@testable import KurentoIDL

@Suite struct JSONWriterTests {
    let here = KurentoIDL.SourceLocation(file: "w.json", line: 1, column: 1)

    func node(_ value: JSONNode.Value) -> JSONNode { JSONNode(value, at: here) }
    func string(_ s: String) -> JSONNode { node(.string(s)) }
    func object(_ members: [(String, JSONNode)]) -> JSONNode {
        node(.object(members.map { JSONNode.Member(key: $0.0, keyLocation: here, value: $0.1) }))
    }

    /// Reads a strict-JSON test input.
    func parse(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> JSONNode {
        let result = LenientJSONReader.read(text, file: "w.json")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)", sourceLocation: sourceLocation)
        return try #require(result.root, sourceLocation: sourceLocation)
    }

    @Test func prettyLayout() throws {
        let doc = try parse(#"{"b": [1, {"x": null}, true], "a": {}, "c": [], "d": "s", "e": {"f": [[]]}}"#)
        #expect(JSONWriter.write(doc, sortKeys: false) == """
            {
              "b": [
                1,
                {
                  "x": null
                },
                true
              ],
              "a": {},
              "c": [],
              "d": "s",
              "e": {
                "f": [
                  []
                ]
              }
            }

            """)
    }

    @Test func customIndent() throws {
        let doc = try parse(#"{"a": [1]}"#)
        #expect(JSONWriter.write(doc, sortKeys: false, indent: 4) == "{\n    \"a\": [\n        1\n    ]\n}\n")
        #expect(JSONWriter.write(doc, sortKeys: false, indent: 0) == "{\n\"a\": [\n1\n]\n}\n")
    }

    @Test func compactLayout() throws {
        let doc = try parse(#"{"b": [1, 2, {}], "a": {"c": []}, "s": "x y"}"#)
        #expect(JSONWriter.writeCompact(doc, sortKeys: false) == #"{"b":[1,2,{}],"a":{"c":[]},"s":"x y"}"#)
        #expect(JSONWriter.writeCompact(doc, sortKeys: true) == #"{"a":{"c":[]},"b":[1,2,{}],"s":"x y"}"#)
    }

    @Test func topLevelScalars() {
        #expect(JSONWriter.write(string("x"), sortKeys: false) == "\"x\"\n")
        #expect(JSONWriter.write(node(.null), sortKeys: true) == "null\n")
        #expect(JSONWriter.writeCompact(node(.bool(false)), sortKeys: false) == "false")
        #expect(JSONWriter.writeCompact(node(.number("-1.50e+3")), sortKeys: false) == "-1.50e+3")
    }

    @Test func numbersAreWrittenAsTheirSourceText() throws {
        let doc = try parse("[1.50, -0, 1E+3, 0.04, 12345678901234567890123]")
        #expect(JSONWriter.writeCompact(doc, sortKeys: false) == "[1.50,-0,1E+3,0.04,12345678901234567890123]")
    }

    @Test func stringEscaping() {
        let text = "q\"b\\s/n\nr\rt\tb\u{8}f\u{C}c\u{1}\u{1F}\u{0}d\u{7F}é😀\u{2028}"
        #expect(JSONWriter.writeCompact(string(text), sortKeys: false)
            == "\"q\\\"b\\\\s/n\\nr\\rt\\tb\\bf\\fc\\u0001\\u001f\\u0000d\u{7F}é😀\u{2028}\"")
    }

    @Test func keysAreEscapedToo() {
        let doc = object([("a\"\n", node(.null))])
        #expect(JSONWriter.writeCompact(doc, sortKeys: false) == #"{"a\"\n":null}"#)
    }

    @Test func sortKeysUsesUTF8ByteOrder() {
        let doc = object([("é", node(.null)), ("z", node(.null)), ("aa", node(.null)), ("B", node(.null)),
                          ("a", node(.null)), ("Z", node(.null)), ("_", node(.null))])
        let keys = ["B", "Z", "_", "a", "aa", "z", "é"]
        #expect(JSONWriter.writeCompact(doc, sortKeys: true)
            == "{" + keys.map { "\"\($0)\":null" }.joined(separator: ",") + "}")
    }

    @Test func sortKeysAppliesAtEveryLevelAndKeepsArrayOrder() throws {
        let doc = try parse(#"{"b": [{"y": 1, "x": 2}, 3, 1], "a": {"d": 0, "c": 0}}"#)
        #expect(JSONWriter.writeCompact(doc, sortKeys: true) == #"{"a":{"c":0,"d":0},"b":[{"x":2,"y":1},3,1]}"#)
        #expect(JSONWriter.writeCompact(doc, sortKeys: false) == #"{"b":[{"y":1,"x":2},3,1],"a":{"d":0,"c":0}}"#)
    }

    @Test func sortingKeepsTheOrderOfEqualKeys() {
        let doc = object([("b", node(.number("1"))), ("a", node(.number("2"))), ("b", node(.number("3"))),
                          ("a", node(.number("4")))])
        #expect(JSONWriter.writeCompact(doc, sortKeys: true) == #"{"a":2,"a":4,"b":1,"b":3}"#)
    }

    @Test func outputIsDeterministic() throws {
        let doc = try parse(#"{"z": [1, {"b": "x", "a": null}], "y": true}"#)
        #expect(JSONWriter.write(doc, sortKeys: true) == JSONWriter.write(doc, sortKeys: true))
        #expect(JSONWriter.write(doc, sortKeys: false) == JSONWriter.write(doc, sortKeys: false))
    }

    /// A random tree of depth at most `depth`, with strings full of characters that need escaping.
    func randomNode(depth: Int, using rng: inout SeededGenerator) -> JSONNode {
        let pieces = ["a", "é", "😀", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", " ", "'", "\u{2028}"]
        func randomString() -> String {
            (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
        let numbers = ["0", "-1", "3.25", "1e9", "-0.5E-3", "42"]
        switch Int.random(in: 0..<(depth > 0 ? 7 : 5), using: &rng) {
        case 0: return node(.null)
        case 1: return node(.bool(Bool.random(using: &rng)))
        case 2: return node(.number(numbers.randomElement(using: &rng)!))
        case 3, 4: return string(randomString())
        case 5:
            return node(.array((0..<Int.random(in: 0...4, using: &rng)).map { _ in
                randomNode(depth: depth - 1, using: &rng)
            }))
        default:
            var members: [(String, JSONNode)] = []
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                members.append((randomString(), randomNode(depth: depth - 1, using: &rng)))
            }
            return object(members)
        }
    }

    @Test func randomTreesRoundTripThroughTheReader() throws {
        var rng = SeededGenerator(seed: 0x5EED_0100)
        for _ in 0..<500 {
            let tree = randomNode(depth: 5, using: &rng)
            for text in [JSONWriter.write(tree, sortKeys: false), JSONWriter.writeCompact(tree, sortKeys: false)] {
                let result = LenientJSONReader.read(text, file: "w.json")
                // Random keys may repeat (KIDL126); nothing else may be reported.
                #expect(result.diagnostics.allSatisfy { $0.id == .duplicateKey }, "\(result.diagnostics)\n\(text)")
                let back = try #require(result.root, "\(text)")
                #expect(PlainJSON(back) == PlainJSON(tree), "\(text)")
            }
        }
    }
}
