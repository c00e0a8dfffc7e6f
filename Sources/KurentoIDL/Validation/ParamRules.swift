/// Rules on params and defaults: unique param names, optional params last, optional constructor params with
/// a default, and every default of the declared type.
enum ParamRules {
    static func check(_ module: Module, _ schema: Schema, _ diags: inout Diagnostics) {
        for c in module.remoteClasses {
            if let ctor = c.constructor {
                if c.isAbstract {
                    diags.error(.abstractClassWithConstructor,
                                "abstract class '\(c.name)' declares a constructor; abstract classes cannot be created (remove one of the two)",
                                at: ctor.location)
                }
                checkParams(ctor.params, of: "the constructor of '\(c.name)'", isConstructor: true, schema, &diags)
            } else if !c.isAbstract {
                diags.error(.concreteClassWithoutConstructor,
                            "class '\(c.name)' is not abstract but has no constructor; add \"constructor\": {\"params\": []} or \"abstract\": true",
                            at: c.location)
            }
            for m in c.methods { checkParams(m.params, of: "method '\(m.name)'", isConstructor: false, schema, &diags) }
            for p in c.properties { checkDefault(p, schema, &diags) }
        }
        for t in module.complexTypes { t.properties.forEach { checkDefault($0, schema, &diags) } }
        for e in module.events { e.properties.forEach { checkDefault($0, schema, &diags) } }
    }

    private static func checkParams(_ params: [Property], of describeOwner: @autoclosure () -> String, isConstructor: Bool,
                                    _ schema: Schema, _ diags: inout Diagnostics) {
        reportDuplicates(params, name: \.name, location: \.location, duplicate: .duplicateParam,
                         what: "param of \(describeOwner())", &diags)
        var firstOptional: Property?
        for p in params {
            if p.isOptional {
                if firstOptional == nil { firstOptional = p }
                if isConstructor && p.defaultValue == nil {
                    diags.error(.optionalConstructorParamWithoutDefault,
                                "optional param '\(p.name)' of \(describeOwner()) needs a defaultValue", at: p.location)
                }
            } else if let optional = firstOptional {
                diags.error(.requiredAfterOptional,
                            "required param '\(p.name)' of \(describeOwner()) follows optional param '\(optional.name)'; optional params must come last",
                            at: p.location, notes: [.init("'\(optional.name)' is optional", at: optional.location)])
            }
            checkDefault(p, schema, &diags)
        }
    }

    private static func checkDefault(_ p: Property, _ schema: Schema, _ diags: inout Diagnostics) {
        guard let value = p.defaultValue else { return }
        guard p.isOptional else {
            // Ignored, so not type-checked either (real Kurento files carry such informational defaults).
            diags.warning(.defaultOnRequired,
                          "'\(p.name)' has a defaultValue but is not optional; the default is ignored (add \"optional\": true)",
                          at: value.location)
            return
        }
        if let problem = DefaultValueCheck(schema: schema).problem(value, p.type) {
            diags.error(problem.id, "defaultValue of '\(p.name)' \(problem.message)", at: problem.location)
        }
    }
}
