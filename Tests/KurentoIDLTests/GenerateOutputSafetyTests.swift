import Foundation
import Testing

/// An existing output folder stays byte for byte as it was when a later run fails, and a user template
/// replaces exactly the built-in template of the same name.
@Suite(.enabled(if: KidlcBinary.url != nil, KidlcBinary.missingMessage))
struct GenerateOutputSafetyTests {
    /// Every file of a folder with its bytes and modification date.
    static func snapshot(_ folder: URL) throws -> [String: (Data, Date)] {
        var result: [String: (Data, Date)] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let date = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date ?? .distantPast
            result[name] = (try Data(contentsOf: url), date)
        }
        return result
    }

    static func same(_ a: [String: (Data, Date)], _ b: [String: (Data, Date)]) -> Bool {
        a.keys.sorted() == b.keys.sorted() && a.allSatisfy { key, value in b[key]!.0 == value.0 && b[key]!.1 == value.1 }
    }

    @Test func anInvalidModuleLeavesAnExistingOutputFolderByteIdentical() throws {
        try CLITests.withFolder(GenerateCLITests.module) { folder in
            let arguments = ["m", "--target", "swift-server", "--target", "swift-impl-starter", "--output", "out"]
            #expect(try GenerateCLITests.generate(arguments, in: folder).status == 0)
            let before = try Self.snapshot(folder.appendingPathComponent("out"))
            #expect(before.count > 5)
            // A second run writes nothing.
            let again = try GenerateCLITests.generate(arguments, in: folder)
            #expect(again.stderrLines.last?.contains("(0 written") == true, "\(again.stderr)")
            #expect(Self.same(before, try Self.snapshot(folder.appendingPathComponent("out"))))
            // The module turns invalid: nothing in the folder changes, even with --clean.
            try Data(CLITests.badModule.utf8).write(to: folder.appendingPathComponent("m/m.kmd.json"))
            let failed = try GenerateCLITests.generate(arguments + ["--clean"], in: folder)
            #expect(failed.status == 1)
            #expect(Self.same(before, try Self.snapshot(folder.appendingPathComponent("out"))))
        }
    }

    @Test func aUserTemplateReplacesOnlyItsNamesake() throws {
        let custom = ScratchFile.text("templates/swift-server/events.mustache", "{{{header}}}\n// custom events of {{moduleType}}\n")
        try CLITests.withFolder(GenerateCLITests.module + [custom]) { folder in
            let outcome = try GenerateCLITests.generate(["m", "--target", "swift-server", "--output", "out",
                                                         "--templates", "templates"], in: folder)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let events = try String(contentsOf: folder.appendingPathComponent("out/MServerEvents.swift"), encoding: .utf8)
            #expect(events.hasSuffix("\n// custom events of MModule\n"), "\(events)")
            let types = try String(contentsOf: folder.appendingPathComponent("out/MServerModule.swift"), encoding: .utf8)
            #expect(types.contains("struct MModule: KurentoModule"))
        }
    }

    @Test func aTemplateErrorNamesFileLineAndColumn() throws {
        // Line 3, column 1 opens a section that is never closed.
        let broken = ScratchFile.text("templates/swift-server/glue.mustache", "{{{header}}}\n// fine\n{{#classes}}\n")
        try CLITests.withFolder(GenerateCLITests.module + [broken]) { folder in
            let outcome = try GenerateCLITests.generate(["m", "--target", "swift-server", "--output", "out",
                                                         "--templates", "templates"], in: folder)
            #expect(outcome.status == 1)
            let line = try #require(outcome.stderrLines.last)
            #expect(line.wholeMatch(of: /templates\/swift-server\/glue\.mustache:\d+:\d+: error: template does not parse: .+/) != nil,
                    "\(line)")
            #expect(!GenerateCLITests.exists("out", in: folder))
        }
    }
}
