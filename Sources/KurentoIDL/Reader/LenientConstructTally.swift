/// Counts the lenient (non-standard but accepted) constructs of one file, so that each kind is reported
/// once, at its first occurrence, with the number of further occurrences.
///
/// Real Kurento files hold hundreds of raw newlines in strings; one warning per kind keeps output readable.
struct LenientConstructTally {
    private struct Entry {
        var id: DiagnosticID
        var first: ByteCursor.Mark
        var message: String
        var count: Int
    }

    private var entries: [Entry] = []

    /// Records one occurrence; `message` is evaluated for the first occurrence of `id` only.
    mutating func note(_ id: DiagnosticID, at mark: ByteCursor.Mark, _ message: @autoclosure () -> String) {
        if let i = entries.firstIndex(where: { $0.id == id }) {
            entries[i].count += 1
        } else {
            entries.append(Entry(id: id, first: mark, message: message(), count: 1))
        }
    }

    /// How many occurrences of `id` were seen.
    func count(of id: DiagnosticID) -> Int { entries.first { $0.id == id }?.count ?? 0 }

    /// One warning per kind seen, at its first occurrence.
    func diagnostics(cursor: inout ByteCursor) -> [Diagnostic] {
        entries.map { entry in
            var message = entry.message
            if entry.count > 1 { message += "; \(entry.count - 1) more in this file" }
            return Diagnostic(entry.id, message, at: cursor.location(of: entry.first), severity: .warning)
        }
    }
}
