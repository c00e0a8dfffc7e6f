/// Deterministic JSON output: the same node always gives the same text.
///
/// Pretty form: `indent` spaces per level, `"key": value`, `[]` and `{}` for empty containers, a newline
/// at the end. Strings escape only what JSON requires (`"`, `\`, controls below U+0020; `/` and non-ASCII
/// stay as they are). Numbers are written as their source text. With `sortKeys`, members are ordered by
/// the UTF-8 bytes of their keys (members with equal keys keep their order).
public enum JSONWriter {
    public static func write(_ node: JSONNode, sortKeys: Bool, indent: Int = 2) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        var writer = Writer(out: out, sortKeys: sortKeys, indent: max(0, indent), pretty: true)
        writer.value(node, depth: 0)
        writer.out.append(UInt8(ascii: "\n"))
        return String(decoding: writer.out, as: UTF8.self)
    }

    /// The same without any whitespace (and without a final newline).
    public static func writeCompact(_ node: JSONNode, sortKeys: Bool) -> String {
        var writer = Writer(out: [], sortKeys: sortKeys, indent: 0, pretty: false)
        writer.value(node, depth: 0)
        return String(decoding: writer.out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal, quotes included.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private struct Writer {
        var out: [UInt8]
        let sortKeys: Bool
        let indent: Int
        let pretty: Bool

        mutating func value(_ node: JSONNode, depth: Int) {
            switch node.value {
            case .null: out.append(contentsOf: "null".utf8)
            case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
            case .number(let text): out.append(contentsOf: text.utf8)
            case .string(let s): JSONWriter.appendString(s, to: &out)
            case .array(let elements):
                guard !elements.isEmpty else { out.append(contentsOf: "[]".utf8); return }
                out.append(UInt8(ascii: "["))
                for (i, element) in elements.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    newline(depth + 1)
                    value(element, depth: depth + 1)
                }
                newline(depth)
                out.append(UInt8(ascii: "]"))
            case .object(let members):
                guard !members.isEmpty else { out.append(contentsOf: "{}".utf8); return }
                out.append(UInt8(ascii: "{"))
                for (i, member) in ordered(members).enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    newline(depth + 1)
                    JSONWriter.appendString(member.key, to: &out)
                    out.append(UInt8(ascii: ":"))
                    if pretty { out.append(UInt8(ascii: " ")) }
                    value(member.value, depth: depth + 1)
                }
                newline(depth)
                out.append(UInt8(ascii: "}"))
            }
        }

        private mutating func newline(_ depth: Int) {
            guard pretty else { return }
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * indent))
        }

        private func ordered(_ members: [JSONNode.Member]) -> [JSONNode.Member] {
            guard sortKeys else { return members }
            return members.enumerated().sorted { a, b in
                if a.element.key == b.element.key { return a.offset < b.offset }
                return a.element.key.utf8.lexicographicallyPrecedes(b.element.key.utf8)
            }.map(\.element)
        }
    }
}
