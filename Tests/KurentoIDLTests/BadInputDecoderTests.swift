import Foundation
import Testing
@testable import KurentoIDL

/// Bad input for the decoder (KIDL200–KIDL206): JSON that reads fine but does not have the shape of a kmd file.
@Suite struct BadInputDecoderTests {
    static let cases: [BadInputCase] = [
        BadInputCase("unknown key with a did-you-mean", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "properties": [
                    { "name": "size", "type": "int", "readonly": true }
                  ]
                }
              ]
            }
            """#, expect: [
            .warning(.unknownKey, "m.kmd.json", 10, 42),
        ], check: { run in
            let d = try run.only(.unknownKey)
            #expect(d.message.contains("did you mean 'readOnly'"), "\(d.message)")
            // Ignored: the property keeps its setter.
            let size = try #require(run.result.schema?.modules["m"]?.remoteClasses.first?.properties.first)
            #expect(!size.isReadOnly)
        }),

        BadInputCase("wrong value types", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "repository": 42,
              "remoteClasses": [
                { "name": "Thing", "abstract": "yes", "constructor": { "params": [] } }
              ],
              "complexTypes": {}
            }
            """#, expect: [
            .error(.wrongValueType, "m.kmd.json", 5, 17),
            .error(.wrongValueType, "m.kmd.json", 7, 36),
            .error(.wrongValueType, "m.kmd.json", 9, 19),
        ]),

        BadInputCase("\"optional\": \"true\" is accepted with a warning", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "methods": [
                    { "name": "run", "params": [ { "name": "fast", "type": "boolean", "optional": "true" } ] }
                  ]
                }
              ]
            }
            """#, expect: [
            .warning(.booleanAsString, "m.kmd.json", 10, 87),
        ], check: { run in
            let param = try #require(run.result.schema?.modules["m"]?.remoteClasses.first?.methods.first?.params.first)
            #expect(param.name == "fast")
            #expect(param.isOptional, "the param really is optional")
        }),

        BadInputCase("null in remoteClasses and as imports", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "imports": null,
              "remoteClasses": [null]
            }
            """#, expect: [
            .error(.nullValue, "m.kmd.json", 5, 14),
            .error(.nullValue, "m.kmd.json", 6, 21),
        ]),

        BadInputCase("missing name and type", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                { "abstract": true },
                { "name": "Thing", "abstract": true, "properties": [ { "name": "size" } ] }
              ],
              "events": [
                { "doc": "no name" }
              ]
            }
            """#, expect: [
            .error(.missingKey, "m.kmd.json", 6, 5),
            .error(.missingKey, "m.kmd.json", 7, 58),
            .error(.missingKey, "m.kmd.json", 10, 5),
        ]),

        BadInputCase("malformed type references", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "properties": [
                    { "name": "a", "type": "a.b.c" },
                    { "name": "b", "type": "int[][]" },
                    { "name": "c", "type": "int[]<>" }
                  ]
                }
              ]
            }
            """#, expect: [
            .error(.invalidTypeReference, "m.kmd.json", 10, 32),
            .error(.invalidTypeReference, "m.kmd.json", 11, 32),
            .error(.invalidTypeReference, "m.kmd.json", 12, 32),
        ]),

        BadInputCase("top-level array", #"""
            [
              { "name": "m", "version": "1.0.0", "kurentoVersion": "^1.0.0" }
            ]
            """#, expect: [
            .error(.topLevelNotObject, "m.kmd.json", 1, 1),
        ]),
    ]

    @Test(arguments: cases) func decoder(_ c: BadInputCase) throws {
        try ScratchModules.verify(c)
    }
}
