import ArgumentParser
import Foundation
import KurentoIDLCodegen

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a Swift package holding a new Kurento plugin module, built with kidl's SwiftPM plugin.",
        discussion: """
            Writes Package.swift (applying KidlcPlugin), a starter NAME.kmd.json (one class extending --extends, with \
            a property, a method and an event), the implementation of its generated protocol, a test that serves \
            the module on a loopback WebSocket and drives it with the generated client, and a README. The package \
            builds and its test passes as written: cd DIR && swift test.

            kidl has no published release yet: give --kidl-path (a kidl checkout) or --kidl-url. Nothing is \
            written when NAME or an option is wrong, or when DIR exists and is not empty.
            """)

    @Argument(help: ArgumentHelp("The class, package and target names (ASCII letters and digits, e.g. ChromaKey); the kmd module is NAME in lowercase.",
                                 valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("The platform class the new class extends: \(PackageScaffold.bases.map(\.kmd).joined(separator: ", ")).",
                               valueName: "class"))
    var extends: String = "Filter"

    @Option(name: .shortAndLong, help: ArgumentHelp("The package folder to create (default: ./NAME); it must not exist or be empty.",
                                                   valueName: "dir"))
    var output: String?

    @Option(name: .customLong("kidl-path"), help: ArgumentHelp("A kidl checkout the package depends on by path.", valueName: "dir"))
    var kidlPath: String?

    @Option(name: .customLong("kidl-url"), help: ArgumentHelp("A git URL of kidl the package depends on (with --kidl-branch).", valueName: "url"))
    var kidlURL: String?

    @Option(name: .customLong("kidl-branch"), help: ArgumentHelp("The branch of --kidl-url.", valueName: "branch"))
    var kidlBranch: String = "main"

    func run() throws {
        let scaffold: PackageScaffold
        do {
            scaffold = try PackageScaffold(name: name, extends: extends, kidl: try kidlDependency())
        } catch let error as ScaffoldError {
            throw ValidationError(error.message)
        }
        let destination = output ?? scaffold.names.className
        let files = scaffold.files
        do {
            try ScaffoldWriter.write(files, to: destination)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
        let listing = files.map { "created  \(destination)/\($0.path)\n" }.joined()
        FileHandle.standardOutput.write(Data(listing.utf8))
        let summary = "kidlc: created package \(scaffold.names.className) (module \(scaffold.names.module), class \(scaffold.names.className) extends \(scaffold.base.kmd)) in \(destination): \(files.count) files; next: cd \(destination) && swift test\n"
        FileHandle.standardError.write(Data(summary.utf8))
    }

    /// --kidl-path as an absolute path to a folder that holds kidl, or --kidl-url.
    private func kidlDependency() throws -> PackageScaffold.KidlDependency {
        switch (kidlPath, kidlURL) {
        case (nil, nil):
            throw ValidationError("kidl has no published release yet: give --kidl-path DIR (a kidl checkout) or --kidl-url URL")
        case (.some, .some):
            throw ValidationError("give either --kidl-path or --kidl-url, not both")
        case (nil, .some(let url)):
            return .url(url, branch: kidlBranch)
        case (.some(let path), nil):
            let folder = URL(fileURLWithPath: path).standardizedFileURL
            let kidlc = folder.appendingPathComponent("Sources/kidlc")
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                  FileManager.default.fileExists(atPath: kidlc.path) else {
                throw ValidationError("--kidl-path: '\(path)' is not a kidl checkout (no Package.swift and Sources/kidlc there)")
            }
            return .path(folder.path)
        }
    }
}
