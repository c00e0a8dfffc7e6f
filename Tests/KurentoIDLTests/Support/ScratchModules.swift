import Foundation
import Testing
@testable import KurentoIDL

/// One diagnostic a bad-input case expects: its id, severity and where it points. `file` is relative to the
/// case's scratch folder ("" for a diagnostic that concerns no file).
struct ExpectedDiagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    var id: DiagnosticID
    var severity: Severity
    var file: String
    var line: Int
    var column: Int

    static func < (a: Self, b: Self) -> Bool {
        (a.file, a.line, a.column, a.id.rawValue, a.severity.rawValue)
            < (b.file, b.line, b.column, b.id.rawValue, b.severity.rawValue)
    }

    var description: String {
        file.isEmpty ? "\(severity.rawValue) \(id.rawValue) (no location)"
            : "\(file):\(line):\(column): \(severity.rawValue) \(id.rawValue)"
    }
}

extension ExpectedDiagnostic {
    /// An expected error.
    static func error(_ id: DiagnosticID, _ file: String, _ line: Int, _ column: Int) -> Self {
        Self(id: id, severity: .error, file: file, line: line, column: column)
    }

    /// An expected warning.
    static func warning(_ id: DiagnosticID, _ file: String, _ line: Int, _ column: Int) -> Self {
        Self(id: id, severity: .warning, file: file, line: line, column: column)
    }

    /// An expected diagnostic without a location (problems with the inputs as a whole).
    static func unlocated(_ id: DiagnosticID, _ severity: Severity = .error) -> Self {
        Self(id: id, severity: severity, file: "", line: 0, column: 0)
    }
}

/// A file (or folder) a case writes into its scratch folder.
struct ScratchFile: Sendable {
    enum Content: Sendable {
        case text(String)
        case bytes([UInt8])
        /// An empty folder (e.g. one whose name ends in `.kmd.json`).
        case directory
    }

    var path: String
    var content: Content

    static func text(_ path: String, _ text: String) -> ScratchFile { ScratchFile(path: path, content: .text(text)) }
    static func bytes(_ path: String, _ bytes: [UInt8]) -> ScratchFile { ScratchFile(path: path, content: .bytes(bytes)) }
    static func directory(_ path: String) -> ScratchFile { ScratchFile(path: path, content: .directory) }
}

/// One bad input: files in, the complete list of diagnostics out. Any diagnostic located in the case's files
/// (or located nowhere) that is not expected fails the case, and so does any expected one that is missing.
struct BadInputCase: Sendable, CustomTestStringConvertible {
    var name: String
    var files: [ScratchFile]
    var expected: [ExpectedDiagnostic]
    /// Inputs relative to the scratch folder; nil means the whole folder.
    var inputs: [String]?
    /// Extra search paths relative to the scratch folder, searched before idl/core, idl/elements, idl/filters.
    var searchPaths: [String]
    /// Further checks on the run (messages, notes, the resolved model).
    var check: (@Sendable (ScratchRun) throws -> Void)?

    init(_ name: String, files: [ScratchFile], inputs: [String]? = nil, searchPaths: [String] = [],
         expect expected: [ExpectedDiagnostic], check: (@Sendable (ScratchRun) throws -> Void)? = nil) {
        self.name = name
        self.files = files
        self.expected = expected
        self.inputs = inputs
        self.searchPaths = searchPaths
        self.check = check
    }

    /// A case with a single file `m.kmd.json`.
    init(_ name: String, _ text: String, expect expected: [ExpectedDiagnostic],
         check: (@Sendable (ScratchRun) throws -> Void)? = nil) {
        self.init(name, files: [.text("m.kmd.json", text)], expect: expected, check: check)
    }

    var testDescription: String { name }
}

/// The outcome of running the front end on a case's scratch folder.
struct ScratchRun {
    var folder: URL
    var result: Frontend.Result
    var files: [ScratchFile]

    /// The path relative to the scratch folder, or nil for files outside it.
    func relative(_ path: String) -> String? {
        for base in [folder.path, folder.resolvingSymlinksInPath().path] where path.hasPrefix(base + "/") {
            return String(path.dropFirst(base.count + 1))
        }
        return nil
    }

    /// The diagnostics that concern the case: located in its files, or located nowhere.
    var relevant: [Diagnostic] {
        result.diagnostics.all.filter { d in d.location.map { relative($0.file) != nil } ?? true }
    }

    var actual: [ExpectedDiagnostic] {
        relevant.map { d in
            ExpectedDiagnostic(id: d.id, severity: d.severity, file: d.location.flatMap { relative($0.file) } ?? "",
                               line: d.location?.line ?? 0, column: d.location?.column ?? 0)
        }.sorted()
    }

    /// The only diagnostic with this id (records an issue when there is not exactly one).
    func only(_ id: DiagnosticID, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let found = relevant.filter { $0.id == id }
        try #require(found.count == 1, "expected one \(id.rawValue), found \(found.count)", sourceLocation: sourceLocation)
        return found[0]
    }

    /// `file:line:col` relative to the scratch folder, for comparing note locations.
    func place(_ location: KurentoIDL.SourceLocation?) -> String {
        guard let location else { return "-" }
        return "\(relative(location.file) ?? location.file):\(location.line):\(location.column)"
    }

    /// Every relevant diagnostic with its message, the source line it points into and a caret under the column.
    var report: String {
        relevant.sorted { a, b in
            (a.location.map { place($0) } ?? "") < (b.location.map { place($0) } ?? "")
        }.map { d in
            var text = "\(place(d.location)): \(d.severity.rawValue): \(d.message) [\(d.id.rawValue)]"
            if let loc = d.location, let line = sourceLine(loc) {
                text += "\n    | \(line)\n    | \(String(repeating: " ", count: max(0, loc.column - 1)))^"
            }
            for note in d.notes { text += "\n    note at \(place(note.location)): \(note.message)" }
            return text
        }.joined(separator: "\n")
    }

    private func sourceLine(_ location: KurentoIDL.SourceLocation) -> String? {
        guard let rel = relative(location.file), let file = files.first(where: { $0.path == rel }) else { return nil }
        let text: String
        switch file.content {
        case .text(let t): text = t
        case .bytes(let b): text = String(decoding: b, as: UTF8.self)
        case .directory: return nil
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count else { return nil }
        let line = lines[location.line - 1]
        return line.count > 160 ? String(line.prefix(160)) + "…" : String(line)
    }
}

/// Writes cases into fresh temporary folders and runs the front end on them, with the project's own
/// core, elements and filters modules (idl/) on the search path.
enum ScratchModules {
    /// The package root, found from this file's path (Tests/KurentoIDLTests/Support/ScratchModules.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var kurentoSearchPaths: [String] {
        ["core", "elements", "filters"].map { packageRoot.appendingPathComponent("idl/\($0)").path }
    }

    /// A new empty folder under the temporary directory.
    static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("kidl-badinput-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func write(_ files: [ScratchFile], into folder: URL) throws {
        let fm = FileManager.default
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch file.content {
            case .text(let text): try Data(text.utf8).write(to: url)
            case .bytes(let bytes): try Data(bytes).write(to: url)
            case .directory: try fm.createDirectory(at: url, withIntermediateDirectories: true)
            }
        }
    }

    /// Writes the case, runs the front end, hands the run to `body`, then removes the folder.
    static func run<T>(_ c: BadInputCase, _ body: (ScratchRun) throws -> T) throws -> T {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(c.files, into: folder)
        let inputs = c.inputs.map { $0.map { folder.appendingPathComponent($0).path } } ?? [folder.path]
        let searchPaths = c.searchPaths.map { folder.appendingPathComponent($0).path } + kurentoSearchPaths
        let result = Frontend(inputs: inputs, searchPaths: searchPaths).run()
        return try body(ScratchRun(folder: folder, result: result, files: c.files))
    }

    /// Runs a case and compares the full sorted list of its diagnostics with the expectation.
    static func verify(_ c: BadInputCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try run(c) { run in
            let expected = c.expected.sorted()
            let actual = run.actual
            // KIDL_SHOW_DIAGNOSTICS=1 prints every case's diagnostics with carets, to review locations by eye.
            if ProcessInfo.processInfo.environment["KIDL_SHOW_DIAGNOSTICS"] != nil {
                print("=== \(c.name)\n\(run.report)")
            }
            #expect(actual == expected,
                    """
                    \(c.name): diagnostics differ
                      missing:    \(expected.filter { !actual.contains($0) })
                      unexpected: \(actual.filter { !expected.contains($0) })
                    reported:
                    \(run.report)
                    """,
                    sourceLocation: sourceLocation)
            try c.check?(run)
        }
    }
}
