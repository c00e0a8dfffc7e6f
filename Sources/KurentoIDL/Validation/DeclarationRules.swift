/// Rules on a module's declarations as a whole: unique names across classes, types and events, and no
/// declaration named like a primitive.
enum DeclarationRules {
    private struct Decl {
        var name: String
        var kind: String
        var location: SourceLocation
    }

    static func check(_ module: Module, _ schema: Schema, _ diags: inout Diagnostics) {
        let decls = module.remoteClasses.map { Decl(name: $0.name, kind: "remote class", location: $0.location) }
            + module.complexTypes.map { Decl(name: $0.name, kind: $0.kind == .enumeration ? "enum" : "record", location: $0.location) }
            + module.events.map { Decl(name: $0.name, kind: "event", location: $0.location) }
        var exact: [String: Decl] = [:]
        var folded: [String: Decl] = [:]
        for decl in decls.sorted(by: { $0.location < $1.location }) {
            if Primitive(rawValue: decl.name) != nil {
                diags.error(.shadowsPrimitive, "\(decl.kind) '\(decl.name)' has the name of a primitive type; it could never be referred to",
                            at: decl.location)
            }
            if let first = exact[decl.name] {
                diags.error(.duplicateDeclaration,
                            "\(decl.kind) '\(decl.name)' is declared twice in module '\(module.name)'",
                            at: decl.location, notes: [.init("\(first.kind) '\(first.name)' is declared here", at: first.location)])
                continue
            }
            exact[decl.name] = decl
            let key = collisionKey(decl.name)
            if let first = folded[key] {
                diags.error(.caseCollision,
                            "\(decl.kind) '\(decl.name)' and \(first.kind) '\(first.name)' differ only in letter case or underscores; they collide in generated code and file names",
                            at: decl.location, notes: [.init("'\(first.name)' is declared here", at: first.location)])
                continue
            }
            folded[key] = decl
        }
    }
}
