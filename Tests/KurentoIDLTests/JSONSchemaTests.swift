import Foundation
import Testing
@testable import KurentoIDL

/// `schema/kmd.schema.json`, the published JSON Schema of the kmd format for editors: the same keys as the
/// decoder at every level, and the real files validate against it (their lenient syntax aside).
@Suite struct JSONSchemaTests {
    static let schemaURL = Corpus.packageRoot.appendingPathComponent("schema/kmd.schema.json")

    static func read(_ url: URL, as name: String? = nil) throws -> JSONNode {
        let bytes = [UInt8](try Data(contentsOf: url))
        let (node, _) = LenientJSONReader.read(bytes, file: name ?? url.lastPathComponent)
        return try #require(node)
    }

    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: read(schemaURL))
    }

    /// Each level of the format: where the schema describes it, the keys the decoder knows there, and the keys
    /// an entry cannot do without.
    static let levels: [(name: String, pointer: String, keys: [String], required: [String])] = [
        ("module", "#", KmdDecoder.topKeys, []),
        ("import", "#/$defs/import", KmdDecoder.importKeys, ["name", "version"]),
        ("remote class", "#/$defs/remoteClass", KmdDecoder.classKeys, ["name"]),
        ("method", "#/$defs/method", KmdDecoder.methodKeys, ["name"]),
        ("constructor", "#/$defs/constructor", KmdDecoder.constructorKeys, []),
        ("return", "#/$defs/return", KmdDecoder.returnKeys, ["type"]),
        ("param or property", "#/$defs/property", KmdDecoder.propertyKeys, ["name", "type"]),
        ("complex type", "#/$defs/complexType", KmdDecoder.complexTypeKeys, ["name", "typeFormat"]),
        ("event", "#/$defs/event", KmdDecoder.eventKeys, ["name"]),
    ]

    @Test func isDraft2020_12AndUsesOnlyTheValidatedSubset() throws {
        let schema = try Self.read(Self.schemaURL)
        #expect(schema["$schema"]?.string == "https://json-schema.org/draft/2020-12/schema")
        _ = try Self.validator()
    }

    @Test func keysMatchTheDecoderAtEveryLevel() throws {
        let validator = try Self.validator()
        for level in Self.levels {
            let schema = try #require(validator.resolve(level.pointer), "\(level.name)")
            let keys = (schema["properties"]?.members ?? []).map(\.key)
            #expect(Set(keys) == Set(level.keys), "\(level.name): schema \(keys.sorted()), decoder \(level.keys.sorted())")
            #expect(keys.count == Set(keys).count, "\(level.name): a key twice")
            #expect(schema["additionalProperties"]?.bool == false, "\(level.name): unknown keys must be refused")
            #expect(Set((schema["required"]?.array ?? []).compactMap(\.string)) == Set(level.required), "\(level.name)")
        }
        // And the reverse: the schema describes no object with keys beyond these levels.
        let described = Set(Self.levels.map(\.pointer))
        let root = try Self.read(Self.schemaURL)
        var withProperties: [String] = root["properties"] != nil ? ["#"] : []
        for def in root["$defs"]?.members ?? [] where def.value["properties"] != nil { withProperties.append("#/$defs/\(def.key)") }
        #expect(Set(withProperties) == described, "\(withProperties.sorted())")
    }

    @Test func projectModulesAreValid() throws {
        let validator = try Self.validator()
        let idl = Corpus.packageRoot.appendingPathComponent("idl")
        let files = (FileManager.default.enumerator(atPath: idl.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".kmd.json") }.sorted()
        #expect(files.count >= 5)
        for file in files {
            let violations = validator.validate(try Self.read(idl.appendingPathComponent(file), as: file))
            #expect(violations.isEmpty, "\(violations.map(\.description).joined(separator: "\n"))")
        }
    }

    /// The corpus, read with kidl's lenient reader: its only violations are the unknown keys the decoder warns
    /// about (`name` inside `return` in markerdetector), at the same places.
    @Test(.enabled(if: Corpus.root != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"))
    func corpusValidatesWhereTheDecoderIsSilent() throws {
        let validator = try Self.validator()
        var violations: [String] = []
        var decoderShape: [String] = []
        let files = Corpus.kmdFiles
        #expect(files.count >= 50)
        for url in files {
            let name = Corpus.relativePath(url)
            let root = try Self.read(url, as: name)
            violations += validator.validate(root).map { "\($0.location) \($0.message)" }
            var diags = Diagnostics()
            _ = KmdDecoder.decode(root, path: name, into: &diags)
            decoderShape += diags.all.filter { $0.id.rawValue.hasPrefix("KIDL2") }
                .map { "\($0.location!) unknown key '\($0.message.split(separator: "'")[1])'" }
        }
        let marker = "examples/markerdetector/armarkerdetector.ArMarkerdetector.kmd.json"
        #expect(violations == [35, 56, 77, 98].map { "\(marker):\($0):13 unknown key 'name'" }, "\(violations)")
        #expect(violations == decoderShape)
    }

    @Test func violationsArePlacedAndExplained() throws {
        let text = #"""
            {
              "name": "m", "version": "1.0", "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                { "name": "C", "abstract": "true", "extends": "a.b.C",
                  "properties": [ { "name": "p", "type": "int", "readonly": true } ],
                  "methods": [ { "params": [] } ] }
              ],
              "complexTypes": [ { "name": "T", "typeFormat": "RECORD" } ],
              "code": { "api": { "js": { "nodeName": 3 } } }
            }
            """#
        let (node, _) = LenientJSONReader.read(Array(text.utf8), file: "m.kmd.json")
        let violations = try Self.validator().validate(try #require(node)).map(\.description)
        #expect(violations == [
            "m.kmd.json:2:27: /version: \"1.0\" does not match ^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$",
            "m.kmd.json:4:32: /remoteClasses/0/abstract: string where boolean is expected",
            "m.kmd.json:4:51: /remoteClasses/0/extends: \"a.b.C\" does not match ^([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*(\\[\\]|<>)?$",
            "m.kmd.json:5:53: /remoteClasses/0/properties/0/readonly: unknown key 'readonly'",
            "m.kmd.json:6:20: /remoteClasses/0/methods/0: missing required key 'name'",
            "m.kmd.json:8:50: /complexTypes/0/typeFormat: not one of \"REGISTER\", \"ENUM\"",
            "m.kmd.json:9:20: /code/api: matches none of the allowed shapes",
        ], "\(violations.joined(separator: "\n"))")
    }
}
