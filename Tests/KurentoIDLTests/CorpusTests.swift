import Foundation
import Testing
@testable import KurentoIDL

/// Every module of the real Kurento corpus checks with zero errors, and its size matches reference §9.
@Suite struct CorpusTests {
    /// One row of reference §9.
    struct Counts: CustomStringConvertible, Sendable {
        var module: String
        var folder: String
        var files: Int
        var classes: Int, abstractClasses: Int
        var records: Int, enums: Int
        var events: Int, methods: Int, classProperties: Int
        var constructorParams: Int, methodParams: Int
        var recordFields: Int, enumValues: Int, eventProperties: Int
        var description: String { module }
    }

    static let table: [Counts] = [
        .init(module: "core", folder: "core", files: 1, classes: 13, abstractClasses: 10, records: 27, enums: 15,
              events: 15, methods: 32, classProperties: 26, constructorParams: 2, methodParams: 36,
              recordFields: 122, enumValues: 61, eventProperties: 31),
        .init(module: "elements", folder: "elements", files: 13, classes: 11, abstractClasses: 1, records: 6, enums: 7,
              events: 12, methods: 15, classProperties: 13, constructorParams: 28, methodParams: 24,
              recordFields: 21, enumValues: 75, eventProperties: 12),
        .init(module: "filters", folder: "filters", files: 6, classes: 5, abstractClasses: 1, records: 0, enums: 0,
              events: 1, methods: 5, classProperties: 1, constructorParams: 6, methodParams: 16,
              recordFields: 0, enumValues: 0, eventProperties: 2),
        .init(module: "chroma", folder: "examples/chroma", files: 2, classes: 1, abstractClasses: 0, records: 1, enums: 0,
              events: 0, methods: 2, classProperties: 0, constructorParams: 3, methodParams: 1,
              recordFields: 4, enumValues: 0, eventProperties: 0),
        .init(module: "crowddetector", folder: "examples/crowddetector", files: 2, classes: 1, abstractClasses: 0,
              records: 3, enums: 0, events: 3, methods: 0, classProperties: 1, constructorParams: 2, methodParams: 0,
              recordFields: 17, enumValues: 0, eventProperties: 8),
        .init(module: "datachannelexample", folder: "examples/datachannelexample", files: 2, classes: 4,
              abstractClasses: 0, records: 0, enums: 0, events: 0, methods: 0, classProperties: 0,
              constructorParams: 4, methodParams: 0, recordFields: 0, enumValues: 0, eventProperties: 0),
        .init(module: "gstreamerexample", folder: "examples/gstreamer-example", files: 2, classes: 1, abstractClasses: 0,
              records: 0, enums: 0, events: 0, methods: 2, classProperties: 0, constructorParams: 1, methodParams: 2,
              recordFields: 0, enumValues: 0, eventProperties: 0),
        .init(module: "markerdetector", folder: "examples/markerdetector", files: 2, classes: 1, abstractClasses: 0,
              records: 0, enums: 0, events: 1, methods: 8, classProperties: 0, constructorParams: 1, methodParams: 4,
              recordFields: 0, enumValues: 0, eventProperties: 3),
        .init(module: "opencvexample", folder: "examples/opencv-example", files: 2, classes: 1, abstractClasses: 0,
              records: 0, enums: 0, events: 0, methods: 2, classProperties: 0, constructorParams: 1, methodParams: 2,
              recordFields: 0, enumValues: 0, eventProperties: 0),
        .init(module: "platedetector", folder: "examples/platedetector", files: 2, classes: 1, abstractClasses: 0,
              records: 0, enums: 0, events: 1, methods: 1, classProperties: 0, constructorParams: 1, methodParams: 1,
              recordFields: 0, enumValues: 0, eventProperties: 1),
        .init(module: "pointerdetector", folder: "examples/pointerdetector", files: 2, classes: 1, abstractClasses: 0,
              records: 2, enums: 0, events: 2, methods: 4, classProperties: 0, constructorParams: 3, methodParams: 2,
              recordFields: 12, enumValues: 0, eventProperties: 2),
        .init(module: "videosampler", folder: "extras/video-sampler", files: 2, classes: 1, abstractClasses: 0,
              records: 0, enums: 2, events: 1, methods: 0, classProperties: 0, constructorParams: 8, methodParams: 0,
              recordFields: 0, enumValues: 7, eventProperties: 1),
    ]

    /// Checks one corpus module against core, elements and filters on the search path.
    static func check(_ folder: String) throws -> (Module, Frontend.Result) {
        let root = try #require(Corpus.root, "the Kurento corpus is not available")
        let platform = ["core", "elements", "filters"].map { root.appendingPathComponent($0).path }
        let result = Frontend(inputs: [root.appendingPathComponent(folder).path], searchPaths: platform).run()
        let schema = try #require(result.schema)
        let name = try #require(schema.inputModules.first)
        return (try #require(schema.modules[name]), result)
    }

    @Test(.enabled(if: Corpus.root != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"), arguments: table)
    func moduleChecksCleanWithReferenceCounts(_ expected: Counts) throws {
        let (m, result) = try Self.check(expected.folder)
        let errors = result.diagnostics.all.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        #expect(m.name == expected.module)
        #expect(m.files.count == expected.files)
        #expect(m.remoteClasses.count == expected.classes)
        #expect(m.remoteClasses.count { $0.isAbstract } == expected.abstractClasses)
        #expect(m.complexTypes.count { $0.kind == .record } == expected.records)
        #expect(m.complexTypes.count { $0.kind == .enumeration } == expected.enums)
        #expect(m.events.count == expected.events)
        #expect(m.remoteClasses.reduce(0) { $0 + $1.methods.count } == expected.methods)
        #expect(m.remoteClasses.reduce(0) { $0 + $1.properties.count } == expected.classProperties)
        #expect(m.remoteClasses.reduce(0) { $0 + ($1.constructor?.params.count ?? 0) } == expected.constructorParams)
        #expect(m.remoteClasses.reduce(0) { $0 + $1.methods.reduce(0) { $0 + $1.params.count } } == expected.methodParams)
        #expect(m.complexTypes.reduce(0) { $0 + $1.properties.count } == expected.recordFields)
        #expect(m.complexTypes.reduce(0) { $0 + $1.values.count } == expected.enumValues)
        #expect(m.events.reduce(0) { $0 + $1.properties.count } == expected.eventProperties)
    }

    @Test(.enabled(if: Corpus.root != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"))
    func wholeCorpusInOneRunHasNoErrors() throws {
        let root = try #require(Corpus.root)
        let inputs = Self.table.map { root.appendingPathComponent($0.folder).path }
        let result = Frontend(inputs: inputs).run()
        let errors = result.diagnostics.all.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        #expect(result.schema?.inputModules.count == Self.table.count)
    }

    @Test(.enabled(if: Corpus.root != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"))
    func hierarchyAndQualifiedNamesFollowKurento() throws {
        let (_, result) = try Self.check("elements")
        let schema = try #require(result.schema)
        let player = QualifiedName(module: "elements", name: "PlayerEndpoint")
        #expect(schema.hierarchy(ofClass: player) ==
                ["kurento.UriEndpoint", "kurento.Endpoint", "kurento.MediaElement", "kurento.MediaObject"])
        #expect(player.wireName == "kurento.PlayerEndpoint")
        // The deepest record hierarchy of core.
        let inbound = QualifiedName(module: "core", name: "RTCInboundRTPStreamStats")
        #expect(schema.ancestors(ofComplexType: inbound).map(\.name) == ["RTCRTPStreamStats", "RTCStats", "Stats"])
    }
}
