/// Compares the API of two versions of the same modules (`kidlc diff OLD NEW`): the input modules of each
/// schema are matched by name; every change is classified by whom it breaks (see README, "kidlc diff").
public enum APIDiff {
    public struct Result: Sendable {
        /// Sorted by place.
        public var changes: [APIChange]
        /// The compared modules: name, OLD version, NEW version (nil when the module is on one side only).
        public var modules: [(name: String, old: String?, new: String?)]

        public var breaksClients: Bool { changes.contains { $0.breaksClients } }
        public var breaksImplementers: Bool { changes.contains { $0.breaksImplementers } }
    }

    public static func compare(old: Schema, new: Schema) -> Result {
        var changes = ChangeList()
        var modules: [(String, String?, String?)] = []
        for name in Set(old.inputModules + new.inputModules).sorted() {
            let o = old.inputModules.contains(name) ? old.modules[name] : nil
            let n = new.inputModules.contains(name) ? new.modules[name] : nil
            modules.append((name, o?.version, n?.version))
            switch (o, n) {
            case let (o?, n?):
                var moduleChanges = ChangeList()
                ModuleDiff(old: old, new: new, oldModule: o, newModule: n).compare(into: &moduleChanges)
                VersionBumpCheck.check(old: o, new: n, changes: moduleChanges.all, into: &moduleChanges)
                changes.all += moduleChanges.all
            case let (o?, nil):
                changes.add(.moduleRemoved, "module '\(name)' was removed", at: o.location, clients: true)
            case let (nil, n?):
                changes.add(.moduleAdded, "module '\(name)' was added", at: n.location)
            case (nil, nil):
                break
            }
        }
        return Result(changes: APIChange.sorted(changes.all), modules: modules)
    }
}

/// Changes found so far.
struct ChangeList {
    var all: [APIChange] = []

    mutating func add(_ id: DiagnosticID, _ message: String, at location: SourceLocation?,
                      clients: Bool = false, implementers: Bool = false) {
        all.append(APIChange(id, message, at: location, clients: clients, implementers: implementers))
    }
}

/// A module whose changes break clients needs a new major version (a new minor one while the major is 0).
enum VersionBumpCheck {
    static func check(old: Module, new: Module, changes: [APIChange], into list: inout ChangeList) {
        guard changes.contains(where: \.breaksClients),
              let from = try? SemanticVersion(parsing: old.version),
              let to = try? SemanticVersion(parsing: new.version) else { return }
        let needed = from.major == 0 ? SemanticVersion(major: 0, minor: from.minor + 1, patch: 0)
                                     : SemanticVersion(major: from.major + 1, minor: 0, patch: 0)
        guard to.core < needed else { return }
        list.add(.versionNotBumped,
                 "module '\(new.name)' has changes that break clients, but its version goes from \(old.version) to \(new.version); it needs \(needed) or later",
                 at: new.versionLocation ?? new.location, clients: true)
    }
}
