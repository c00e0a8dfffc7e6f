import ArgumentParser
import KurentoIDL

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a diagnostic id, or list them all.")

    @Argument(help: ArgumentHelp("A diagnostic id such as KIDL410; omit to list every id.", valueName: "id"))
    var id: String?

    func run() throws {
        guard let id else {
            for d in DiagnosticID.allCases { print("\(d.rawValue)  \(d.defaultSeverity.rawValue.padding(7))  \(d.summary)") }
            return
        }
        guard let d = DiagnosticID(rawValue: id.uppercased()) else {
            throw ValidationError("unknown diagnostic id '\(id)'; run 'kidlc explain' for the list")
        }
        print("\(d.rawValue) (\(d.defaultSeverity.rawValue)): \(d.summary)")
    }
}

private extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
