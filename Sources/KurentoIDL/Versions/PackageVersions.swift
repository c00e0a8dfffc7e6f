/// The Maven and npm version strings the creator derives for an import that declares no explicit
/// `mavenVersion` / `npmVersion` (`VersionManager.convertToMavenImport` / `convertToNpmImport`).
public enum PackageVersions {
    /// A trailing `-dev` is stripped first and turns the bounds it touches into `-SNAPSHOT` ones; then the
    /// range (caret rewrite included) is converted:
    ///
    /// | range | Maven |
    /// |---|---|
    /// | `=V` | `V` (`V-SNAPSHOT` if dev) |
    /// | `<V` | `(,V-SNAPSHOT)` always, to exclude the snapshots of V |
    /// | `<=V` | `(,V]` (`(,V-SNAPSHOT]` if dev) |
    /// | `>V` | `(V,)` (`(V-SNAPSHOT,)` if dev) |
    /// | `>=V` | `[V,)` (`[V-SNAPSHOT,)` if dev) |
    /// | one lower and one upper comparison joined by `&`, either order | `[L,U-SNAPSHOT)`, `(L,U]`, … with `L-SNAPSHOT` if dev; `U` never gets a dev suffix |
    /// | `A \| B` | `mavenA,mavenB` |
    ///
    /// `^1.2.3` → `[1.2.3,2.0.0-SNAPSHOT)`; `~1` → `[1.0.0,)`; `1.0.0-dev` → `1.0.0-SNAPSHOT`.
    public static func maven(_ importVersion: String) throws(PackageVersionError) -> String {
        let development = VersionCompatibility.stripDevelopmentSuffix(importVersion)
        let range = try parse(importVersion, end: development)
        guard let text = maven(range, development: development != nil) else {
            throw .unsupported(version: importVersion)
        }
        return text
    }

    /// A development import (`-dev`) of a module that declares `code.api.js.npmGit` yields that git URL as is;
    /// otherwise `-dev` is stripped and the range converted: `=V` → `V`; `<V`, `<=V`, `>V`, `>=V` unchanged;
    /// `A & B` → `A B`; `A | B` → `A || B`. `^1.2.3` → `>=1.2.3 <2.0.0`, `~1.2` → `>=1.2.0 <2.0.0`.
    ///
    /// An `|` nested inside an `&` (`a & (b | c)`) is refused: npm ranges have no parentheses, and `a b || c`
    /// would mean `(a & b) | c`.
    public static func npm(_ importVersion: String, importedModuleNpmGit: String?) throws(PackageVersionError) -> String {
        let development = VersionCompatibility.stripDevelopmentSuffix(importVersion)
        if development != nil, let git = importedModuleNpmGit { return git }
        let range = try parse(importVersion, end: development)
        guard let text = npm(range, insideAnd: false) else { throw .unsupported(version: importVersion) }
        return text
    }

    /// Parses `importVersion`, or only its part before the `-dev` suffix when `stripped` is given; offsets stay
    /// those of `importVersion`.
    private static func parse(_ importVersion: String, end stripped: String?) throws(PackageVersionError)
        -> VersionRange
    {
        let scalars = Array(importVersion.unicodeScalars)
        let end = stripped.map { $0.unicodeScalars.count } ?? scalars.count
        do {
            return try VersionRangeParser.parse(scalars, end: end)
        } catch {
            throw .syntax(error)
        }
    }

    private static func maven(_ range: VersionRange, development: Bool) -> String? {
        let snapshot = development ? "-SNAPSHOT" : ""
        switch range {
        case let .comparison(op, v):
            switch op {
            case .equal: return "\(v)\(snapshot)"
            case .less: return "(,\(v)-SNAPSHOT)"
            case .lessOrEqual: return "(,\(v)\(snapshot)]"
            case .greater: return "(\(v)\(snapshot),)"
            case .greaterOrEqual: return "[\(v)\(snapshot),)"
            case .notEqual: return nil
            }
        case let .and(a, b):
            guard case let .comparison(opA, vA) = a, case let .comparison(opB, vB) = b else { return nil }
            let (lower, upper): ((VersionRange.Operator, SemanticVersion), (VersionRange.Operator, SemanticVersion))
            if isLowerBound(opA) && isUpperBound(opB) {
                (lower, upper) = ((opA, vA), (opB, vB))
            } else if isUpperBound(opA) && isLowerBound(opB) {
                (lower, upper) = ((opB, vB), (opA, vA))
            } else {
                return nil
            }
            let open = lower.0 == .greater ? "(" : "["
            let close = upper.0 == .less ? "-SNAPSHOT)" : "]"
            return "\(open)\(lower.1)\(snapshot),\(upper.1)\(close)"
        case let .or(a, b):
            guard let first = maven(a, development: development), let second = maven(b, development: development)
            else { return nil }
            return first + "," + second
        case .not:
            return nil
        }
    }

    private static func isLowerBound(_ op: VersionRange.Operator) -> Bool { op == .greater || op == .greaterOrEqual }
    private static func isUpperBound(_ op: VersionRange.Operator) -> Bool { op == .less || op == .lessOrEqual }

    private static func npm(_ range: VersionRange, insideAnd: Bool) -> String? {
        switch range {
        case let .comparison(op, v):
            switch op {
            case .equal: return v.description
            case .notEqual: return nil
            case .less, .lessOrEqual, .greater, .greaterOrEqual: return op.rawValue + v.description
            }
        case let .and(a, b):
            guard let first = npm(a, insideAnd: true), let second = npm(b, insideAnd: true) else { return nil }
            return first + " " + second
        case let .or(a, b):
            if insideAnd { return nil }
            guard let first = npm(a, insideAnd: false), let second = npm(b, insideAnd: false) else { return nil }
            return first + " || " + second
        case .not:
            return nil
        }
    }
}
