import Foundation
import KurentoIDL
@testable import KurentoIDLCodegen
import Testing

/// `kidlc init`: names, the starter module, and writing all or nothing. (KidlPluginTests builds and tests a
/// created package for real.)
@Suite struct ScaffoldTests {
    static let kidl = PackageScaffold.KidlDependency.path("/opt/kidl")

    @Test func namesDerivedFromNAME() throws {
        let names = try ScaffoldNames("chromaKey")
        #expect(names.className == "ChromaKey")
        #expect(names.module == "chromakey")
        #expect([names.serverTarget, names.clientTarget, names.testTarget] == ["ChromaKeyServer", "ChromaKeyClient", "ChromaKeyTests"])
        #expect(names.moduleType == "ChromakeyModule")
        #expect(names.implementationLabel == "chromaKeyType")
        #expect(names.eventType == "ChromaKeyMarkedEvent")
    }

    @Test(arguments: [
        ("", "the package name is empty"),
        ("../x", "is not a valid name"),
        ("a b", "is not a valid name"),
        ("9lives", "is not a valid name"),
        ("Ünïcode", "is not a valid name"),
        ("class", "'class' is a Swift keyword"),
        ("Self", "'Self' is a Swift keyword"),
        ("Protocol", "'Protocol' is a Swift keyword"),
        ("JSON", "would be spelled 'JSON_'"),
        ("Sendable", "would be spelled 'Sendable_'"),
        ("String", "a type of the Swift standard library"),
        ("MediaPipeline", "of the Kurento platform modules"),
        ("Elements", "module name 'elements' is one of Kurento's own modules"),
        ("KurentoThing", "names starting with 'Kurento'"),
        (String(repeating: "a", count: 49), "longer than 48 characters"),
    ])
    func hostileNames(name: String, reason: String) {
        #expect {
            _ = try ScaffoldNames(name)
        } throws: { error in
            (error as? ScaffoldError)?.message.contains(reason) == true
        }
    }

    @Test func unknownBaseClassSuggestsOne() {
        #expect {
            _ = try PackageScaffold(name: "Studio", extends: "Filtre", kidl: Self.kidl)
        } throws: { error in
            (error as? ScaffoldError)?.message == "unknown class to extend 'Filtre'; did you mean 'Filter'? (one of: Endpoint, Filter, Hub, MediaElement)"
        }
    }

    /// The list of platform names `kidlc init` refuses is the platform's declarations.
    @Test func platformDeclarationsMatchIdl() throws {
        let schema = try Generation.schema([Paths.idl("core"), Paths.idl("elements"), Paths.idl("filters")])
        var declared: Set<String> = []
        for module in schema.modules.values {
            declared.formUnion(module.remoteClasses.map(\.name) + module.complexTypes.map(\.name) + module.events.map(\.name))
        }
        #expect(ScaffoldNames.platformDeclarations == declared)
    }

    /// The starter kmd file of every base class passes `kidlc check` with no warning, and its Swift server and
    /// client code generate.
    @Test(arguments: PackageScaffold.bases.map(\.kmd))
    func starterModuleIsClean(base: String) throws {
        let scaffold = try PackageScaffold(name: "Studio", extends: base, kidl: Self.kidl)
        let folder = try Paths.temporaryFolder("scaffold-\(base)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let kmd = try #require(scaffold.files.first { $0.path == "Sources/StudioServer/Studio.kmd.json" })
        try Data(kmd.contents.utf8).write(to: folder.appendingPathComponent("Studio.kmd.json"))
        let result = Frontend(inputs: [folder.path], searchPaths: FixedLayoutTests.platform).run()
        #expect(result.diagnostics.all.isEmpty, "\(result.diagnostics.all)")
        let schema = try #require(result.schema)
        let module = try #require(schema.modules["studio"])
        #expect(module.remoteClasses.map(\.name) == ["Studio"])
        #expect(module.remoteClasses.first?.extends?.name == base)
        let files = try Generator.generate(schema, options: GenerationOptions(targets: [.swiftServer], layout: .fixed))
        let classes = try #require(files.first { $0.path == "KidlServerClasses.swift" }?.contents)
        #expect(classes.contains("public protocol Studio: KurentoPlatform.\(base)"))
        let implementation = try #require(scaffold.files.first { $0.path == "Sources/StudioServer/StudioImpl.swift" }?.contents)
        #expect(implementation.contains("final class StudioImpl: \(PackageScaffold.bases.first { $0.kmd == base }!.swift), Studio,"))
    }

    @Test func manifestNamesKidlByPathOrURL() throws {
        let byPath = try PackageScaffold(name: "Studio", kidl: .path("/src/kidl \"x\"")).manifest
        #expect(byPath.contains(#".package(name: "kidl", path: "/src/kidl \"x\""),"#))
        #expect(byPath.contains(#".plugin(name: "KidlcPlugin", package: "kidl")"#))
        let byURL = try PackageScaffold(name: "Studio", kidl: .url("https://git.example.org/media/kidl-fork.git", branch: "dev")).manifest
        #expect(byURL.contains(#".package(url: "https://git.example.org/media/kidl-fork.git", branch: "dev"),"#))
        #expect(byURL.contains(#".product(name: "KurentoServer", package: "kidl-fork")"#))
    }

    @Test func writesEveryFileAndTheLink() throws {
        let parent = try Paths.temporaryFolder("scaffold-write")
        defer { try? FileManager.default.removeItem(at: parent) }
        let scaffold = try PackageScaffold(name: "Studio", kidl: Self.kidl)
        let destination = parent.appendingPathComponent("Studio")
        try ScaffoldWriter.write(scaffold.files, to: destination.path)
        let fm = FileManager.default
        for file in scaffold.files where file.linkTarget == nil {
            #expect(fm.contents(atPath: destination.appendingPathComponent(file.path).path) == Data(file.contents.utf8))
        }
        let link = destination.appendingPathComponent("Sources/StudioClient/Studio.kmd.json").path
        #expect(try fm.destinationOfSymbolicLink(atPath: link) == "../StudioServer/Studio.kmd.json")
        #expect(fm.contents(atPath: link) != nil)
        #expect(try fm.contentsOfDirectory(atPath: parent.path) == ["Studio"])
    }

    @Test func refusesAFolderInUseAndLeavesNothing() throws {
        let parent = try Paths.temporaryFolder("scaffold-refuse")
        defer { try? FileManager.default.removeItem(at: parent) }
        let destination = parent.appendingPathComponent("Studio")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: destination.appendingPathComponent("notes.txt"))
        let files = try PackageScaffold(name: "Studio", kidl: Self.kidl).files
        #expect(throws: ScaffoldError.self) { try ScaffoldWriter.write(files, to: destination.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path) == ["notes.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Studio"])
        #expect(throws: ScaffoldError.self) {
            try ScaffoldWriter.write(files, to: parent.appendingPathComponent("missing/Studio").path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Studio"])
    }
}
