import Foundation
import KurentoIDL

extension DiagnosticPrinter {
    /// Prints what generation found (nothing when it found nothing) with its own summary line; returns true
    /// when the run must fail (errors, or warnings under --warnings-as-errors).
    static func printGeneration(_ diagnostics: Diagnostics, warningsAsErrors: Bool) -> Bool {
        guard !diagnostics.all.isEmpty else { return false }
        var text = ""
        var errors = 0, warnings = 0
        for var d in diagnostics.sorted {
            if warningsAsErrors && d.severity == .warning { d.severity = .error }
            if d.severity == .error { errors += 1 } else if d.severity == .warning { warnings += 1 }
            text += d.description + "\n"
        }
        text += "kidlc: generation: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        FileHandle.standardError.write(Data(text.utf8))
        return errors > 0
    }
}
