import Foundation

/// C doc comments (`/** … */`) from kmd `doc` text.
enum CDocComment {
    /// A comment at the given indent, ending in a newline; empty for no doc. One line when the text is one
    /// line, else a ` * ` block. `*/`, `/*` and `??` are broken up so the text cannot end the comment or form
    /// trigraphs.
    static func render(_ doc: String?, indent: String) -> String {
        guard let doc else { return "" }
        var lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            CNaming.commentText(String(line.reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed()))
                .replacingOccurrences(of: "??", with: "? ?")
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty else { return "" }
        if lines.count == 1 { return "\(indent)/** \(lines[0]) */\n" }
        let common = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        let body = lines.map { line in
            line.isEmpty ? "\(indent) *\n" : "\(indent) * \(line.dropFirst(common))\n"
        }.joined()
        return "\(indent)/**\n\(body)\(indent) */\n"
    }
}
