/// `extends` must name a declaration of the same kind (a class a class, a record a record, an event an
/// event; enums extend nothing), and no chain of `extends` may come back to where it started.
enum InheritanceRules {
    static func check(_ module: Module, _ schema: Schema, _ diags: inout Diagnostics) {
        for c in module.remoteClasses {
            guard let parent = c.extends, let at = c.extendsLocation else { continue }
            if schema.remoteClass(parent) == nil {
                wrongKind(of: parent, at: at, expected: "a remote class", "remote class '\(c.name)'", schema, &diags)
            } else if let cycle = cycle(from: c.qualifiedName, step: { schema.remoteClass($0)?.extends }) {
                reportCycle(cycle, "remote class", at: at, &diags)
            }
        }
        for t in module.complexTypes {
            guard let parent = t.extends, let at = t.extendsLocation else { continue }
            if t.kind == .enumeration {
                diags.error(.enumShape, "enum '\(t.name)' cannot extend another type", at: at)
            } else if schema.complexType(parent)?.kind != .record {
                wrongKind(of: parent, at: at, expected: "a record (REGISTER complex type)", "record '\(t.name)'", schema, &diags)
            } else if let cycle = cycle(from: t.qualifiedName, step: { schema.complexType($0)?.extends }) {
                reportCycle(cycle, "record", at: at, &diags)
            }
        }
        for e in module.events {
            guard let parent = e.extends, let at = e.extendsLocation else { continue }
            if schema.event(parent) == nil {
                wrongKind(of: parent, at: at, expected: "an event", "event '\(e.name)'", schema, &diags)
            } else if let cycle = cycle(from: e.qualifiedName, step: { schema.event($0)?.extends }) {
                reportCycle(cycle, "event", at: at, &diags)
            }
        }
    }

    /// The names on a cycle that starts and ends at `start`, or nil (chains that reach an older cycle without
    /// returning to `start` are that cycle's members' problem, reported on them).
    static func cycle(from start: QualifiedName, step: (QualifiedName) -> QualifiedName?) -> [QualifiedName]? {
        var path = [start]
        var next = step(start)
        while let current = next {
            if current == start { return path + [start] }
            if path.contains(current) { return nil }
            path.append(current)
            next = step(current)
        }
        return nil
    }

    private static func reportCycle(_ cycle: [QualifiedName], _ kind: String, at: SourceLocation, _ diags: inout Diagnostics) {
        diags.error(.inheritanceCycle,
                    "\(kind) '\(cycle[0].name)' inherits from itself: \(cycle.map(\.name).joined(separator: " → "))",
                    at: at)
    }

    static func wrongKind(of name: QualifiedName, at: SourceLocation, expected: String, _ who: String,
                          _ schema: Schema, _ diags: inout Diagnostics) {
        diags.error(.wrongKindOfType, "\(who) extends '\(name.name)', which is \(describeKind(name, schema)), not \(expected)",
                    at: at, notes: declarationNote(name, schema))
    }

    static func describeKind(_ name: QualifiedName, _ schema: Schema) -> String {
        if schema.remoteClass(name) != nil { return "a remote class" }
        if let t = schema.complexType(name) { return t.kind == .enumeration ? "an enum" : "a record" }
        if schema.event(name) != nil { return "an event" }
        return "unknown"
    }

    static func declarationNote(_ name: QualifiedName, _ schema: Schema) -> [Diagnostic.Note] {
        let location = schema.remoteClass(name)?.location ?? schema.complexType(name)?.location ?? schema.event(name)?.location
        return location.map { [.init("'\(name.name)' is declared here", at: $0)] } ?? []
    }
}
