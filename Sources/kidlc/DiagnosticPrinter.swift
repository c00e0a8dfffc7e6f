import Foundation
import KurentoIDL

/// Prints diagnostics to standard error, sorted, then a one-line summary.
enum DiagnosticPrinter {
    /// Returns true when the run failed (errors, or warnings under --warnings-as-errors).
    static func print(_ diagnostics: Diagnostics, warningsAsErrors: Bool, modules: [String]) -> Bool {
        var text = ""
        var errors = 0, warnings = 0
        for var d in diagnostics.sorted {
            if warningsAsErrors && d.severity == .warning { d.severity = .error }
            if d.severity == .error { errors += 1 } else if d.severity == .warning { warnings += 1 }
            text += d.description + "\n"
        }
        let what = modules.isEmpty ? "no module" : (modules.count == 1 ? "module " : "modules ") + modules.joined(separator: ", ")
        text += "kidlc: \(what): \(count(errors, "error")), \(count(warnings, "warning"))\n"
        FileHandle.standardError.write(Data(text.utf8))
        return errors > 0
    }

    private static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
