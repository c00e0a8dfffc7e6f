import Foundation
import KurentoIDL

/// One member of a generated struct — a record or event field, or a param — with its C name, type and
/// the statements that decode, encode and free it.
struct CSlot {
    enum Mode: String {
        /// Absent or null is `'x' … is required`.
        case required = "KIDL_C_REQUIRED"
        /// Absent or null leaves the member zero (and its presence flag false).
        case optional = "KIDL_C_OPTIONAL"
        /// Absent or null decodes the kmd default instead.
        case defaulted = "KIDL_C_DEFAULTED"
    }

    var property: Property
    var name: String
    /// `has_<name>`, for optional members without a default.
    var presence: String?
    var type: CType
    var mode: Mode
    /// The kmd default as a C string literal of JSON text, for `.defaulted`.
    var defaultLiteral: String?

    /// Builds the members of a struct from kmd properties. `api` makes remote-class params object ids
    /// checked by the host; `boxed` names fields held behind a pointer.
    static func slots(_ properties: [Property], types: CTypeMapper, api: Bool, boxed: (Property) -> QualifiedName? = { _ in nil },
                      reserved: Set<String> = []) -> [CSlot] {
        var scope = CNameScope(reserved: reserved)
        let names = properties.map { scope.claim(CNaming.memberName($0.name)) }
        return zip(properties, names).map { p, name in
            let type = boxed(p).map(types.boxedType) ?? (api ? types.paramType(p.type) : types.valueType(p.type))
            let presence = types.needsPresenceFlag(p, api: api) ? scope.claim("has_" + name) : nil
            let mode: Mode
            if !p.isOptional {
                mode = .required
            } else if type.checkedClass != nil || p.defaultValue == nil {
                mode = .optional
            } else {
                mode = .defaulted
            }
            let literal = mode == .defaulted ? p.defaultValue.map { CNaming.stringLiteral(JSONWriter.writeCompact($0, sortKeys: true)) } : nil
            return CSlot(property: p, name: name, presence: presence, type: type, mode: mode, defaultLiteral: literal)
        }
    }

    /// The declarations of the member (and of its presence flag, first).
    var declarations: [String] {
        let member = type.storage.hasSuffix("*") ? "\(type.storage)\(name);" : "\(type.storage) \(name);"
        return (presence.map { ["bool \($0);"] } ?? []) + [member]
    }

    /// Decodes the member from the JSON object `json` into `value->…`. `kind` is `KIDL_C_PARAMETER` or
    /// `KIDL_C_PROPERTY` (how messages name it).
    func decodeStatement(kind: String) -> String {
        let has = presence.map { "&value->\($0)" } ?? "NULL"
        return "if (kidl_c_field(json, \(CNaming.stringLiteral(property.name)), \(kind), \(mode.rawValue), kidl_c_decode_\(type.codec), "
            + "&value->\(name), \(has), \(defaultLiteral ?? "NULL"), error) != KIDL_C_OK) return KIDL_C_FAILED;"
    }

    /// Adds the member to the JSON object `object` (skipped when an optional member is absent).
    func encodeStatement(codec: String) -> String {
        let argument = type.codec.hasPrefix("boxed_") ? "value->\(name)" : "&value->\(name)"
        let put = "kidl_c_put(object, \(CNaming.stringLiteral(property.name)), kidl_c_encode_\(codec)(\(argument)));"
        return presence.map { "if (value->\($0)) \(put)" } ?? put
    }

    var freeStatement: String? { type.freeStatement("value->\(name)") }

    /// The member's doc; remote objects say they are ids.
    var doc: String? {
        guard case .remoteClass(let q) = property.type.base else { return property.doc }
        let what = property.type.container == .none ? "the id of a \(q.name)" : "ids of \(q.name) objects"
        guard var text = property.doc?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            return what.prefix(1).uppercased() + what.dropFirst() + "."
        }
        if text.hasSuffix(".") { text.removeLast() }
        return "\(text) (\(what))."
    }
}
