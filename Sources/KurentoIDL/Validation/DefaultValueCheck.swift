/// Checks that a JSON default value has the declared kmd type: numbers within the type's range, enum
/// values among the enum's values, records with known fields and all required ones.
struct DefaultValueCheck {
    let schema: Schema

    struct Problem {
        var id: DiagnosticID
        var message: String
        var location: SourceLocation
    }

    func problem(_ value: JSONNode, _ type: TypeRef) -> Problem? {
        switch type.container {
        case .list:
            guard let items = value.array else { return mismatch(value, "an array (\(type))") }
            return items.lazy.compactMap { problem($0, type.element) }.first
        case .map:
            guard let members = value.members else { return mismatch(value, "an object (\(type))") }
            return members.lazy.compactMap { problem($0.value, type.element) }.first
        case .none:
            return base(value, type)
        }
    }

    private func base(_ value: JSONNode, _ type: TypeRef) -> Problem? {
        switch type.base {
        case .primitive(let p): return primitive(value, p)
        case .enumeration(let q):
            guard let s = value.string else { return mismatch(value, "a string naming a value of \(q.name)") }
            let values = schema.complexType(q)?.values.map(\.value) ?? []
            if values.contains(s) { return nil }
            var message = "\"\(s)\" is not a value of enum '\(q.name)' (\(values.joined(separator: ", ")))"
            if let guess = Spelling.suggestion(for: s, among: values) { message += "; did you mean \"\(guess)\"?" }
            return Problem(id: .invalidEnumDefault, message: message, location: value.location)
        case .record(let q):
            return record(value, q)
        case .remoteClass:
            return value.isNull ? nil : mismatch(value, "null (a remote object cannot have another default)")
        case .event, .unresolved:
            return nil  // reported by other rules
        }
    }

    private func primitive(_ value: JSONNode, _ p: Primitive) -> Problem? {
        switch p {
        case .boolean: return value.bool == nil ? mismatch(value, "a boolean") : nil
        case .string: return value.string == nil ? mismatch(value, "a string") : nil
        case .float, .double: return value.numberText == nil ? mismatch(value, "a number") : nil
        case .int, .int64:
            let range: ClosedRange<Int64> = p == .int ? Int64(Int32.min)...Int64(Int32.max) : Int64.min...Int64.max
            guard let text = value.numberText else { return mismatch(value, "an integer") }
            guard let n = Int64(text), range.contains(n) else {
                return mismatch(value, "an integer that fits \(p.rawValue) (\(range.lowerBound)…\(range.upperBound))")
            }
            return nil
        }
    }

    private func record(_ value: JSONNode, _ q: QualifiedName) -> Problem? {
        guard let members = value.members else { return mismatch(value, "an object (record \(q.name))") }
        let fields = schema.allProperties(ofComplexType: q)
        for m in members where m.key != "__type__" && m.key != "__module__" {
            guard let field = fields.first(where: { $0.name == m.key }) else {
                return Problem(id: .defaultValueTypeMismatch,
                               message: "has a field '\(m.key)' that record '\(q.name)' does not declare",
                               location: m.keyLocation)
            }
            if let p = problem(m.value, field.type) { return p }
        }
        for field in fields where !field.isOptional && !members.contains(where: { $0.key == field.name }) {
            return Problem(id: .defaultValueTypeMismatch,
                           message: "lacks the required field '\(field.name)' of record '\(q.name)'",
                           location: value.location)
        }
        return nil
    }

    private func mismatch(_ value: JSONNode, _ expected: String) -> Problem {
        let found = value.string.map { "the string \"\($0)\"" } ?? value.numberText.map { "the number \($0)" } ?? article(value.kindName)
        return Problem(id: .defaultValueTypeMismatch, message: "is \(found), but the type needs \(expected)",
                       location: value.location)
    }
}
