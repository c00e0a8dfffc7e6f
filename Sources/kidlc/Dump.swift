import ArgumentParser
import Foundation
import KurentoIDL

struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the resolved model as JSON with sorted keys.",
        discussion: """
            The shape follows the Kurento module creator's -o output (fused files, implicit imports, code defaults),
            but keeps the module prefix on types of other custom modules. One module prints as an object,
            several as an array sorted by module name. With --output, one <module>.kmd.json per module is written instead.
            """)

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write <module>.kmd.json files into this folder.", valueName: "dir"))
    var output: String?

    func run() throws {
        let schema = try input.load()
        let modules = schema.inputModules.compactMap { schema.modules[$0] }
        if let output {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for module in modules {
                let text = JSONWriter.write(ModelDump.json(module, in: schema), sortKeys: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: output).appendingPathComponent("\(module.name).kmd.json"),
                                          options: .atomic)
            }
            return
        }
        let nodes = modules.map { ModelDump.json($0, in: schema) }
        let document = nodes.count == 1 ? nodes[0] : JSONNode(.array(nodes), at: nodes.first?.location ?? SourceLocation(file: "", line: 1, column: 1))
        FileHandle.standardOutput.write(Data(JSONWriter.write(document, sortKeys: true).utf8))
    }
}
