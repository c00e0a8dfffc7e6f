import Foundation
import KurentoIDL

/// Turns the text of a kmd `doc` into Markdown lines: whitespace normalised, Sphinx roles resolved into links,
/// ` ``literals`` ` into code. Kurento's doc text mixes reST roles with raw HTML; Markdown renders HTML blocks
/// (a line starting with `<p>`, `<ul>` … up to the next blank line) as they are, without looking for Markdown
/// inside, so links and code inside such a block are written as HTML (`<a href>`, `<code>`), elsewhere as
/// Markdown. A reference that does not resolve is reported (KIDL600, at the doc string) and stays plain text.
struct DocTextRenderer {
    let resolver: DocReferenceResolver
    /// The page being written: links to its own anchors are `#anchor`, others `module.md#anchor`.
    let pageModule: String

    /// What the doc string belongs to, for messages ("method 'PlayerEndpoint.play'").
    struct Owner {
        var context: DocContext
        var what: String
        var location: SourceLocation?
    }

    /// The Markdown lines of a doc string; empty when there is none.
    func render(_ doc: String?, of owner: Owner, diags: inout Diagnostics) -> [String] {
        guard let doc else { return [] }
        return DocBlocks.split(DocBlocks.normalize(doc)).map { line in
            line.isEmpty ? "" : render(line.text, html: line.isHTML, owner, &diags)
        }
    }

    private func render(_ text: String, html: Bool, _ owner: Owner, _ diags: inout Diagnostics) -> String {
        var out = ""
        var atLineStart = true
        for piece in SphinxInlineParser.parse(text) {
            switch piece {
            case .text(let s):
                out += html ? s : MarkdownText.escape(s, atLineStart: atLineStart)
            case .literal(let s):
                out += html ? "<code>\(MarkdownText.escapeHTML(s))</code>" : MarkdownText.codeSpan(s)
            case .role(let name, let content):
                out += role(name, SphinxTarget(content), html: html, owner, &diags)
            }
            atLineStart = false
        }
        return out
    }

    private func role(_ name: String, _ target: SphinxTarget, html: Bool, _ owner: Owner,
                      _ diags: inout Diagnostics) -> String {
        let plain = html ? MarkdownText.escapeHTML(target.display) : MarkdownText.escape(target.display, atLineStart: false)
        switch name {
        case "java:ref":
            return html ? "<code>\(MarkdownText.escapeHTML(target.display))</code>" : MarkdownText.codeSpan(target.display)
        case "wikipedia":
            let parts = target.target.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { return plain }
            let page = parts[1].replacingOccurrences(of: " ", with: "_")
            let url = "https://\(parts[0]).wikipedia.org/wiki/\(page)"
            let label = target.label ?? parts[1]
            return html ? "<a href=\"\(url)\">\(MarkdownText.escapeHTML(label))</a>"
                        : "[\(MarkdownText.escape(label, atLineStart: false))](\(url))"
        default:
            break
        }
        guard let known = DocReferenceResolver.Role(rawValue: name) else {
            var message = "unknown role ':\(name):' in the doc of \(owner.what)"
            let names = DocReferenceResolver.Role.allCases.map(\.rawValue) + ["java:ref", "wikipedia"]
            if let guess = Spelling.suggestion(for: name, among: names) { message += " (did you mean ':\(guess):'?)" }
            diags.warning(.unknownDocRole, message + "; '\(target.display)' stays plain text", at: owner.location)
            return plain
        }
        guard let link = resolver.resolve(known, target.lookupName, in: owner.context) else {
            if known != .term {
                diags.warning(.unresolvedDocReference,
                              "':\(name):`\(target.target)`' in the doc of \(owner.what) names \(Self.expected(known)) of the modules of this run; it stays plain text",
                              at: owner.location)
            }
            return plain
        }
        let href = DocAnchors.href(link.anchor, in: link.module, from: pageModule)
        if html {
            let text = target.label.map(MarkdownText.escapeHTML) ?? "<code>\(MarkdownText.escapeHTML(target.display))</code>"
            return "<a href=\"\(href)\">\(text)</a>"
        }
        let text = target.label.map { MarkdownText.escape($0, atLineStart: false) } ?? MarkdownText.codeSpan(target.display)
        return "[\(text)](\(href))"
    }

    private static func expected(_ role: DocReferenceResolver.Role) -> String {
        switch role {
        case .cls, .ref, .term: "no class, complex type or event"
        case .evt: "no event"
        case .enumeration: "no enum or enum value"
        case .attr: "no property, record field, event property, enum value or method"
        case .meth: "no method or property accessor"
        }
    }
}
