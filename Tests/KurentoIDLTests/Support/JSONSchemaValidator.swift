import Foundation
@testable import KurentoIDL

/// A validator for the subset of JSON Schema (draft 2020-12) that `schema/kmd.schema.json` uses: `type`,
/// `properties`, `required`, `additionalProperties` (false or a schema), `items`, `enum`, `anyOf`, `pattern`,
/// local `$ref` into `$defs`, and the annotations `title`, `description`, `default`. A schema that uses any
/// other keyword is refused, so the published schema cannot drift outside what this validator checks.
/// Works on the lenient reader's `JSONNode`s, so violations carry file, line and column.
struct JSONSchemaValidator {
    struct Violation: Hashable, CustomStringConvertible {
        var location: SourceLocation
        /// JSON pointer of the value in the instance (`/remoteClasses/0/methods/1/return`).
        var path: String
        var message: String
        var description: String { "\(location): \(path): \(message)" }
    }

    struct SchemaError: Error, CustomStringConvertible { var description: String }

    static let keywords: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "default",
        "type", "properties", "additionalProperties", "required", "items", "enum", "anyOf", "pattern",
    ]

    let root: JSONNode

    init(schema: JSONNode) throws {
        root = schema
        try check(schema, at: "#")
    }

    /// Every keyword supported, every `$ref` resolvable, every `pattern` a valid expression.
    private func check(_ schema: JSONNode, at pointer: String) throws {
        guard let members = schema.members else { throw SchemaError(description: "\(pointer): a schema must be an object") }
        for m in members {
            guard Self.keywords.contains(m.key) else { throw SchemaError(description: "\(pointer): unsupported keyword '\(m.key)'") }
            switch m.key {
            case "$ref":
                guard let ref = m.value.string, resolve(ref) != nil else {
                    throw SchemaError(description: "\(pointer): $ref does not resolve")
                }
            case "pattern":
                _ = try NSRegularExpression(pattern: m.value.string ?? "")
            case "properties", "$defs":
                for p in m.value.members ?? [] { try check(p.value, at: "\(pointer)/\(m.key)/\(p.key)") }
            case "additionalProperties":
                if m.value.bool == nil { try check(m.value, at: "\(pointer)/additionalProperties") }
            case "items":
                try check(m.value, at: "\(pointer)/items")
            case "anyOf":
                for (i, s) in (m.value.array ?? []).enumerated() { try check(s, at: "\(pointer)/anyOf/\(i)") }
            default:
                break
            }
        }
    }

    /// A local reference `#/$defs/name` (or any JSON pointer into the schema).
    func resolve(_ ref: String) -> JSONNode? {
        guard ref.hasPrefix("#") else { return nil }
        var node = root
        for part in ref.dropFirst().split(separator: "/") {
            guard let next = node[String(part)] else { return nil }
            node = next
        }
        return node
    }

    func validate(_ instance: JSONNode) -> [Violation] {
        var violations: [Violation] = []
        validate(instance, against: root, path: "", &violations)
        return violations
    }

    private func validate(_ value: JSONNode, against schema: JSONNode, path: String, _ out: inout [Violation]) {
        func fail(_ message: String, at location: SourceLocation? = nil) {
            out.append(Violation(location: location ?? value.location, path: path.isEmpty ? "/" : path, message: message))
        }
        if let ref = schema["$ref"]?.string, let target = resolve(ref) {
            validate(value, against: target, path: path, &out)
        }
        if let type = schema["type"] {
            let allowed = type.string.map { [$0] } ?? (type.array ?? []).compactMap(\.string)
            guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
                fail("\(value.kindName) where \(allowed.joined(separator: " or ")) is expected")
                return
            }
        }
        if let options = schema["enum"]?.array, !options.contains(where: { Self.same($0, value) }) {
            fail("not one of \(options.map { JSONWriter.writeCompact($0, sortKeys: true) }.joined(separator: ", "))")
        }
        if let pattern = schema["pattern"]?.string, let text = value.string,
           (try? NSRegularExpression(pattern: pattern))?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
            fail("\"\(text)\" does not match \(pattern)")
        }
        if let anyOf = schema["anyOf"]?.array {
            let fits = anyOf.contains { s in
                var scratch: [Violation] = []
                validate(value, against: s, path: path, &scratch)
                return scratch.isEmpty
            }
            if !fits { fail("matches none of the allowed shapes") }
        }
        if let members = value.members {
            let properties = schema["properties"]?.members ?? []
            for key in (schema["required"]?.array ?? []).compactMap(\.string) where !members.contains(where: { $0.key == key }) {
                fail("missing required key '\(key)'")
            }
            for m in members {
                let memberPath = path + "/" + m.key
                if let sub = properties.first(where: { $0.key == m.key }) {
                    validate(m.value, against: sub.value, path: memberPath, &out)
                } else if let additional = schema["additionalProperties"] {
                    if additional.bool == false {
                        out.append(Violation(location: m.keyLocation, path: memberPath, message: "unknown key '\(m.key)'"))
                    } else if additional.members != nil {
                        validate(m.value, against: additional, path: memberPath, &out)
                    }
                }
            }
        }
        if let items = value.array, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { validate(item, against: itemSchema, path: "\(path)/\(i)", &out) }
        }
    }

    private static func matches(_ value: JSONNode, type: String) -> Bool {
        switch (type, value.value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
             ("number", .number): true
        case ("integer", .number(let text)): !text.contains(where: { ".eE".contains($0) })
        default: false
        }
    }

    private static func same(_ a: JSONNode, _ b: JSONNode) -> Bool {
        JSONWriter.writeCompact(a, sortKeys: true) == JSONWriter.writeCompact(b, sortKeys: true)
    }
}
