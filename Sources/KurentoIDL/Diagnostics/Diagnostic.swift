/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem found in the input: an id from the catalog, a severity, a message, where, and related places.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var id: DiagnosticID
    public var severity: Severity
    public var message: String
    /// Nil only for problems that concern no file (for example "no input files").
    public var location: SourceLocation?
    /// Related places, printed as `note:` lines after the diagnostic.
    public var notes: [Note]

    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?
        public init(_ message: String, at location: SourceLocation?) {
            self.message = message
            self.location = location
        }
    }

    public init(_ id: DiagnosticID, _ message: String, at location: SourceLocation?,
                severity: Severity? = nil, notes: [Note] = []) {
        self.id = id
        self.severity = severity ?? id.defaultSeverity
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// `path:line:col: error: message [KIDL123]`, then one line per note.
    public var description: String {
        var lines = [Self.line(location, severity.rawValue, "\(message) [\(id.rawValue)]")]
        for note in notes { lines.append(Self.line(note.location, "note", note.message)) }
        return lines.joined(separator: "\n")
    }

    private static func line(_ location: SourceLocation?, _ kind: String, _ text: String) -> String {
        if let location { return "\(location): \(kind): \(text)" }
        return "kidlc: \(kind): \(text)"
    }
}

/// Collects diagnostics from every stage; stages report, they do not stop at the first problem.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func report(_ d: Diagnostic) { all.append(d) }
    public mutating func report(contentsOf ds: [Diagnostic]) { all.append(contentsOf: ds) }

    public mutating func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation?,
                               notes: [Diagnostic.Note] = []) {
        report(Diagnostic(id, message, at: location, severity: .error, notes: notes))
    }

    public mutating func warning(_ id: DiagnosticID, _ message: String, at location: SourceLocation?,
                                 notes: [Diagnostic.Note] = []) {
        report(Diagnostic(id, message, at: location, severity: .warning, notes: notes))
    }

    /// Report with the id's own severity.
    public mutating func emit(_ id: DiagnosticID, _ message: String, at location: SourceLocation?,
                              notes: [Diagnostic.Note] = []) {
        report(Diagnostic(id, message, at: location, notes: notes))
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errorCount: Int { all.count { $0.severity == .error } }
    public var warningCount: Int { all.count { $0.severity == .warning } }

    /// Sorted by file, line, column, then id, so that output never depends on the order work was done in.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case (nil, nil): break
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): if x != y { return x < y }
            }
            if a.element.id != b.element.id { return a.element.id.rawValue < b.element.id.rawValue }
            return a.offset < b.offset
        }.map(\.element)
    }
}
