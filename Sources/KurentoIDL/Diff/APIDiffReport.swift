import Foundation

/// `kidlc diff` output: text (one line per change, as diagnostics), Markdown (for a review comment) or JSON
/// (sorted keys). Deterministic: changes are sorted by place.
public enum APIDiffReport {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public static func render(_ result: APIDiff.Result, as format: Format) -> String {
        switch format {
        case .text: text(result)
        case .markdown: markdown(result)
        case .json: json(result)
        }
    }

    /// `3 changes: 2 breaking (2 for clients, 1 for implementers), 1 compatible`
    public static func summary(_ result: APIDiff.Result) -> String {
        let changes = result.changes
        guard !changes.isEmpty else { return "no API changes" }
        let breaking = changes.count(where: \.isBreaking)
        let whom = breaking == 0 ? ""
            : " (\(changes.count(where: \.breaksClients)) for clients, \(changes.count(where: \.breaksImplementers)) for implementers)"
        return "\(count(changes.count, "change")): \(breaking) breaking\(whom), \(changes.count - breaking) compatible"
    }

    static func text(_ result: APIDiff.Result) -> String {
        result.changes.map { $0.description + "\n" }.joined() + "kidlc: diff \(modules(result, code: false)): \(summary(result))\n"
    }

    static func markdown(_ result: APIDiff.Result) -> String {
        var lines = ["### API changes: \(modules(result, code: true))", ""]
        guard !result.changes.isEmpty else { return (lines + ["No API changes."]).joined(separator: "\n") + "\n" }
        lines.append(summary(result).prefix(1).uppercased() + summary(result).dropFirst() + ".")
        lines += ["", "| | Change | Breaks | Where | Id |", "|---|---|---|---|---|"]
        for c in result.changes {
            let cells = [c.classification, cell(c.message), c.isBreaking ? c.affected : "—",
                         c.location.map { "`\($0)`" } ?? "", c.id.rawValue]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ result: APIDiff.Result) -> String {
        let here = SourceLocation(file: "", line: 1, column: 1)
        func string(_ s: String) -> JSONNode { JSONNode(.string(s), at: here) }
        func number(_ n: Int) -> JSONNode { JSONNode(.number(String(n)), at: here) }
        func bool(_ b: Bool) -> JSONNode { JSONNode(.bool(b), at: here) }
        func object(_ members: [(String, JSONNode)]) -> JSONNode {
            JSONNode(.object(members.map { JSONNode.Member(key: $0.0, keyLocation: here, value: $0.1) }), at: here)
        }
        let changes = result.changes.map { c in
            var members: [(String, JSONNode)] = [
                ("id", string(c.id.rawValue)), ("kind", string(String(describing: c.id))),
                ("classification", string(c.classification)), ("message", string(c.message)),
                ("breaksClients", bool(c.breaksClients)), ("breaksImplementers", bool(c.breaksImplementers)),
            ]
            if let l = c.location { members += [("file", string(l.file)), ("line", number(l.line)), ("column", number(l.column))] }
            return object(members)
        }
        let modules = result.modules.map { m in
            object([("name", string(m.name)),
                    ("old", m.old.map(string) ?? JSONNode(.null, at: here)),
                    ("new", m.new.map(string) ?? JSONNode(.null, at: here))])
        }
        let breaking = result.changes.count(where: \.isBreaking)
        let summary = object([
            ("total", number(result.changes.count)), ("breaking", number(breaking)),
            ("compatible", number(result.changes.count - breaking)),
            ("breaksClients", number(result.changes.count(where: \.breaksClients))),
            ("breaksImplementers", number(result.changes.count(where: \.breaksImplementers))),
        ])
        let document = object([("changes", JSONNode(.array(changes), at: here)),
                               ("modules", JSONNode(.array(modules), at: here)), ("summary", summary)])
        return JSONWriter.write(document, sortKeys: true)
    }

    /// `demo 1.0.0 → 2.0.0, extra (added)`
    private static func modules(_ result: APIDiff.Result, code: Bool) -> String {
        func q(_ s: String) -> String { code ? "`\(s)`" : s }
        let parts = result.modules.map { m -> String in
            switch (m.old, m.new) {
            case let (o?, n?): "\(q(m.name)) \(o) → \(n)"
            case let (nil, n?): "\(q(m.name)) \(n) (added)"
            case let (o?, nil): "\(q(m.name)) \(o) (removed)"
            case (nil, nil): q(m.name)
            }
        }
        return parts.isEmpty ? "no module" : parts.joined(separator: ", ")
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
