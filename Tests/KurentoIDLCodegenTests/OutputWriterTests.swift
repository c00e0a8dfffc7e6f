import Foundation
import Testing
@testable import KurentoIDLCodegen

/// The output writer on real folders: what it plans, what it writes, what it leaves alone.
@Suite struct OutputWriterTests {
    /// A fresh folder under the temporary directory, removed after `body`; `body` gets the output folder inside it.
    static func withScratch(_ body: (_ output: String) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("kidl-writer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try body(root + "/out")
    }

    static let files = [
        GeneratedFile(path: "Demo/DemoTypes.swift", contents: "types\n"),
        GeneratedFile(path: "Demo/DemoClasses.swift", contents: "classes\n"),
        GeneratedFile(path: "Entry.swift", contents: "entry\n"),
        GeneratedFile(path: "Starter/DemoImpl.swift", contents: "starter\n", isStarter: true),
    ]

    static func read(_ output: String, _ path: String) throws -> String {
        try String(contentsOfFile: output + "/" + path, encoding: .utf8)
    }

    static func write(_ output: String, _ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: output + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func exists(_ output: String, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output + "/" + path)
    }

    static func modificationDate(_ path: String) throws -> Date {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }

    /// Moves every file's modification time an hour back, so that a rewrite is visible whatever the clock's grain.
    static func ageFiles(in output: String) throws {
        let old = Date(timeIntervalSinceNow: -3600)
        let enumerator = try #require(FileManager.default.enumerator(atPath: output))
        for case let path as String in enumerator {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: output + "/" + path)
        }
    }

    static func actions(_ plan: OutputPlan) -> [String: OutputPlan.Action] {
        Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.path, $0.action) })
    }

    @Test func writesEverythingIntoANewFolder() throws {
        try Self.withScratch { output in
            let plan = try OutputWriter(directory: output).write(Self.files)
            #expect(plan.entries.map(\.path) == ["Demo/DemoClasses.swift", "Demo/DemoTypes.swift", "Entry.swift",
                                                 "Starter/DemoImpl.swift"])
            #expect(plan.entries.allSatisfy { $0.action == .new })
            #expect(plan.writeCount == 4)
            for file in Self.files { #expect(try Self.read(output, file.path) == file.contents) }
            // The manifest lists generated files, sorted, not starter files.
            let manifest = try Self.read(output, GenerationManifest.fileName)
            let lines = manifest.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("#") == true)
            #expect(Array(lines.dropFirst()) == ["Demo/DemoClasses.swift", "Demo/DemoTypes.swift", "Entry.swift"])
            #expect(plan.summary(dryRun: false) == "kidlc: generated 4 files into \(output) (4 written)")
        }
    }

    @Test func secondRunWritesNothing() throws {
        try Self.withScratch { output in
            let writer = OutputWriter(directory: output)
            try writer.write(Self.files)
            try Self.ageFiles(in: output)
            let paths = Self.files.map { output + "/" + $0.path } + [output + "/" + GenerationManifest.fileName]
            let before = try paths.map(Self.modificationDate)

            let plan = try writer.write(Self.files)
            #expect(plan.writeCount == 0)
            #expect(!plan.changesAnything)
            #expect(!plan.manifestChanges)
            #expect(Self.actions(plan) == ["Demo/DemoClasses.swift": .unchanged, "Demo/DemoTypes.swift": .unchanged,
                                           "Entry.swift": .unchanged, "Starter/DemoImpl.swift": .kept])
            #expect(try paths.map(Self.modificationDate) == before)
            #expect(plan.summary(dryRun: false)
                    == "kidlc: generated 4 files into \(output) (0 written, 3 unchanged, 1 starter file kept)")
        }
    }

    @Test func rewritesOnlyChangedFilesAndKeepsTheirPermissions() throws {
        try Self.withScratch { output in
            let writer = OutputWriter(directory: output)
            try writer.write(Self.files)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: output + "/Entry.swift")
            try Self.ageFiles(in: output)
            let untouched = try Self.modificationDate(output + "/Demo/DemoTypes.swift")

            var files = Self.files
            files[2].contents = "entry, version 2\n"
            let plan = try writer.write(files)
            #expect(Self.actions(plan)["Entry.swift"] == .changed)
            #expect(plan.writeCount == 1)
            #expect(try Self.read(output, "Entry.swift") == "entry, version 2\n")
            #expect(try Self.modificationDate(output + "/Demo/DemoTypes.swift") == untouched)
            let permissions = try FileManager.default.attributesOfItem(atPath: output + "/Entry.swift")[.posixPermissions]
            #expect((permissions as? NSNumber)?.intValue == 0o444)
            // No temporary file is left behind.
            let names = try FileManager.default.contentsOfDirectory(atPath: output)
            #expect(!names.contains { $0.hasSuffix(".tmp") })
        }
    }

    @Test func starterFilesAreNeverOverwritten() throws {
        try Self.withScratch { output in
            try Self.write(output, "Starter/DemoImpl.swift", "my implementation\n")
            let plan = try OutputWriter(directory: output, clean: true).write(Self.files)
            #expect(Self.actions(plan)["Starter/DemoImpl.swift"] == .kept)
            #expect(try Self.read(output, "Starter/DemoImpl.swift") == "my implementation\n")
            #expect(try !Self.read(output, GenerationManifest.fileName).contains("DemoImpl"))

            // Removed by its owner, it is written again.
            try FileManager.default.removeItem(atPath: output + "/Starter/DemoImpl.swift")
            let again = try OutputWriter(directory: output).write(Self.files)
            #expect(Self.actions(again)["Starter/DemoImpl.swift"] == .new)
            #expect(try Self.read(output, "Starter/DemoImpl.swift") == "starter\n")
        }
    }

    @Test func cleanRemovesStaleFilesOnly() throws {
        try Self.withScratch { output in
            let writer = OutputWriter(directory: output, clean: true)
            try writer.write(Self.files + [GeneratedFile(path: "Old/Gone/OldTypes.swift", contents: "old\n")])
            try Self.write(output, "Mine.swift", "not generated\n")
            try Self.write(output, "Old/Notes.txt", "not generated either\n")

            let plan = try writer.write(Self.files)
            #expect(Self.actions(plan)["Old/Gone/OldTypes.swift"] == .removed)
            #expect(plan.count(.removed) == 1)
            #expect(!Self.exists(output, "Old/Gone/OldTypes.swift"))
            #expect(!Self.exists(output, "Old/Gone"))  // left empty, so removed
            #expect(Self.exists(output, "Old/Notes.txt"))  // not in the manifest
            #expect(Self.exists(output, "Mine.swift"))
            #expect(Self.exists(output, "Starter/DemoImpl.swift"))
            #expect(try !Self.read(output, GenerationManifest.fileName).contains("OldTypes"))
            #expect(plan.summary(dryRun: false).hasSuffix("(0 written, 3 unchanged, 1 starter file kept, 1 removed)"))
        }
    }

    @Test func withoutCleanStaleFilesStayInTheManifest() throws {
        try Self.withScratch { output in
            try OutputWriter(directory: output).write(Self.files + [GeneratedFile(path: "Old.swift", contents: "old\n")])
            let plan = try OutputWriter(directory: output).write(Self.files)
            #expect(Self.actions(plan)["Old.swift"] == .stale)
            #expect(Self.exists(output, "Old.swift"))
            #expect(!plan.manifestChanges)
            // A later run with clean still knows the file was generated.
            let cleaned = try OutputWriter(directory: output, clean: true).write(Self.files)
            #expect(Self.actions(cleaned)["Old.swift"] == .removed)
            #expect(!Self.exists(output, "Old.swift"))
        }
    }

    @Test func planWritesNothing() throws {
        try Self.withScratch { output in
            let plan = try OutputWriter(directory: output).plan(Self.files)
            #expect(plan.writeCount == 4)
            #expect(!FileManager.default.fileExists(atPath: output))
            #expect(plan.summary(dryRun: true)
                    == "kidlc: dry run: would generate 4 files into \(output) (4 to write); nothing was written")

            try OutputWriter(directory: output).write(Self.files + [GeneratedFile(path: "Old.swift", contents: "old\n")])
            try Self.ageFiles(in: output)
            let before = try Self.modificationDate(output + "/Entry.swift")
            var files = Self.files
            files[2].contents = "entry, version 2\n"
            let changed = try OutputWriter(directory: output, clean: true).plan(files)
            #expect(Self.actions(changed)["Entry.swift"] == .changed)
            #expect(Self.actions(changed)["Old.swift"] == .removed)
            #expect(try Self.read(output, "Entry.swift") == "entry\n")
            #expect(Self.exists(output, "Old.swift"))
            #expect(try Self.modificationDate(output + "/Entry.swift") == before)
        }
    }

    @Test func listingIsSortedAndAligned() throws {
        try Self.withScratch { output in
            let plan = try OutputWriter(directory: output).plan([
                GeneratedFile(path: "b.swift", contents: ""), GeneratedFile(path: "a.swift", contents: ""),
            ])
            #expect(plan.listing == "new        a.swift\nnew        b.swift\n")
        }
    }

    @Test(arguments: ["../escape.swift", "/tmp/absolute.swift", "a/../../b.swift", "a//b.swift", "a/./b.swift",
                      "", "trailing/", "back\\slash.swift", ".kidlc-manifest"])
    func rejectsPathsOutsideTheFolder(path: String) throws {
        try Self.withScratch { output in
            let error = #expect(throws: OutputError.self) {
                try OutputWriter(directory: output).write([GeneratedFile(path: path, contents: "x")])
            }
            #expect(error?.message.contains("'\(path)' is not allowed") == true)
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test func rejectsClashingPaths() throws {
        try Self.withScratch { output in
            let writer = OutputWriter(directory: output)
            #expect(throws: OutputError("two generated files have the same path 'a.swift'")) {
                try writer.plan([GeneratedFile(path: "a.swift", contents: "1"), GeneratedFile(path: "a.swift", contents: "2")])
            }
            #expect(throws: OutputError("generated file path 'a' is also the folder of other generated files")) {
                try writer.plan([GeneratedFile(path: "a", contents: "1"), GeneratedFile(path: "a/b.swift", contents: "2")])
            }
        }
    }

    @Test func manifestPathsOutsideTheFolderAreAnError() throws {
        try Self.withScratch { output in
            try Self.write(output, GenerationManifest.fileName, "# header\nEntry.swift\n../victim.swift\n")
            let error = #expect(throws: OutputError.self) {
                try OutputWriter(directory: output, clean: true).write(Self.files)
            }
            #expect(error?.location?.line == 3)
            #expect(error?.description.hasPrefix("\(output)/\(GenerationManifest.fileName):3:1: error: path '../victim.swift'") == true)
            #expect(!Self.exists(output, "Entry.swift"))
        }
    }

    @Test func aFileInTheWayIsFoundBeforeWriting() throws {
        try Self.withScratch { output in
            try Self.write(output, "Demo", "a file where a folder is needed\n")
            let error = #expect(throws: OutputError.self) { try OutputWriter(directory: output).write(Self.files) }
            #expect(error?.message.contains("'\(output)/Demo' is a file, not a folder") == true)
            #expect(!Self.exists(output, "Entry.swift"))
            #expect(!Self.exists(output, GenerationManifest.fileName))
        }
    }

    @Test func aFailureWhileWritingSaysWhatWasDone() throws {
        try Self.withScratch { output in
            let writer = OutputWriter(directory: output)
            let plan = try writer.plan(Self.files)
            // The folder changes between planning and writing: "Starter" becomes a file.
            try Self.write(output, "Starter", "in the way\n")
            let error = #expect(throws: OutputError.self) { try writer.apply(plan) }
            let message = try #require(error?.message)
            #expect(message.hasPrefix("cannot create folder '\(output)/Starter': Not a directory"))
            #expect(message.contains("3 of 4 file changes were made before this failure"))
            #expect(try Self.read(output, "Entry.swift") == "entry\n")
            // The manifest already lists the files written, so a later --clean can find them.
            #expect(try Self.read(output, GenerationManifest.fileName).contains("Entry.swift"))
        }
    }
}
