import Foundation

/// The C programs and libraries the tests build from generated code and the fixtures, once per test run:
/// the script driver (Fixtures/driver.c) linked with a module, and the demo module as a shared library.
enum CModuleBuilds {
    /// A built driver, or why there is none.
    struct Driver: Sendable {
        var executable: URL

        /// Runs a script (commands, one per line, tab-separated); the lines the driver printed.
        func run(_ commands: [String]) throws -> [String] {
            let output = try CToolchain.run([executable.path], input: commands.joined(separator: "\n") + "\n")
            return output.split(separator: "\n").map(String.init)
        }

        /// Runs a script under valgrind: no leak, no invalid access (valgrind's exit status says so).
        func runUnderValgrind(_ commands: [String]) throws -> [String] {
            let valgrind = try require_(CToolchain.valgrind, "valgrind")
            let output = try CToolchain.run([valgrind, "--quiet", "--leak-check=full", "--show-leak-kinds=definite,indirect,possible",
                                             "--errors-for-leak-kinds=definite,indirect,possible", "--error-exitcode=99",
                                             executable.path], input: commands.joined(separator: "\n") + "\n")
            return output.split(separator: "\n").map(String.init)
        }
    }

    /// The `shapes` fixture with its echo implementation (Fixtures/shapes_echo.c).
    static let shapesDriver: Result<Driver, CToolchain.Failure> = build("shapes", input: Paths.fixture("shapes").path,
                                                                         implementation: "shapes_echo.c")
    /// idl/demo with the C implementation of Fixtures/demo_impl.c.
    static let demoDriver: Result<Driver, CToolchain.Failure> = build("demo", input: Paths.idl("demo"), implementation: "demo_impl.c")

    /// libdemo.so (idl/demo, Fixtures/demo_impl.c) alone in a folder, as a server's module path holds it.
    static let demoLibraryFolder: Result<URL, CToolchain.Failure> = {
        do {
            let folder = try Paths.temporaryFolder("cshim-demo-library")
            let work = folder.appendingPathComponent("build")
            _ = try CShimFiles.generate([Paths.idl("demo")], into: work)
            let modules = folder.appendingPathComponent("modules")
            try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
            try CToolchain.compile(compiler(), sources: [work.appendingPathComponent("demo.c"), Paths.fixture("demo_impl.c")],
                                   includes: [work], output: modules.appendingPathComponent("libkmsdemo.so"), compileOnly: false,
                                   extra: ["-shared", "-fPIC"], json: true)
            return .success(modules)
        } catch let failure as CToolchain.Failure {
            return .failure(failure)
        } catch {
            return .failure(CToolchain.Failure(description: "\(error)"))
        }
    }()

    static func compiler() throws -> String {
        guard let compiler = CToolchain.gcc ?? CToolchain.clang else { throw CToolchain.Failure(description: "no C compiler") }
        return compiler
    }

    private static func build(_ module: String, input: String, implementation: String) -> Result<Driver, CToolchain.Failure> {
        do {
            let folder = try Paths.temporaryFolder("cshim-driver-\(module)")
            _ = try CShimFiles.generate([input], into: folder)
            let executable = folder.appendingPathComponent("driver")
            try CToolchain.compile(compiler(), sources: [folder.appendingPathComponent("\(module).c"), Paths.fixture(implementation),
                                                         Paths.fixture("driver.c")],
                                   includes: [folder, Paths.abiInclude], output: executable, compileOnly: false, extra: ["-g"], json: true)
            return .success(Driver(executable: executable))
        } catch let failure as CToolchain.Failure {
            return .failure(failure)
        } catch {
            return .failure(CToolchain.Failure(description: "\(error)"))
        }
    }
}

/// The value, or a failure naming what is missing.
func require_<T>(_ value: T?, _ what: String) throws -> T {
    guard let value else { throw CToolchain.Failure(description: "\(what) is not available") }
    return value
}
