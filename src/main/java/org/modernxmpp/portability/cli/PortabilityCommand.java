package org.modernxmpp.portability.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.modernxmpp.portability.pie.PieFormatException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the command-line tool: {@code java -jar accountportability-cli.jar <command> …}. */
@Command(name = "accountportability", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Inspect, validate, convert and compare XEP-0227 account exports (Openfire, Prosody, ejabberd, …),"
                + " and pull an account from, or push one into, any XMPP server as its own client.",
        subcommands = {InspectCommand.class, ValidateCommand.class, ConvertCommand.class, RenameHostCommand.class,
                DiffCommand.class, PullCommand.class, PushCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done/valid/same, 1 invalid export or exports differ, 2 usage error, 3 file error,",
                "4 the other server could not be reached or refused the login, 5 not everything arrived (see the report)."})
public final class PortabilityCommand {

    public static void main(String[] args) {
        System.exit(run(args, new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true)));
    }

    /** Runs the tool with the given streams and returns the exit code (used by the tests too). */
    public static int run(String[] args, java.io.PrintWriter out, java.io.PrintWriter err) {
        CommandLine commandLine = new CommandLine(new PortabilityCommand())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                    if (cause instanceof PieFormatException format) {
                        line.getErr().println("invalid export: " + format.getMessage());
                        return ExitCodes.INVALID_OR_DIFFERENT;
                    }
                    if (cause instanceof org.modernxmpp.portability.remote.RemoteException remote) {
                        line.getErr().println("error: " + remote.getMessage());
                        return ExitCodes.REMOTE_ERROR;
                    }
                    if (cause instanceof IOException io) {
                        line.getErr().println("error: " + describe(io));
                        return ExitCodes.IO_ERROR;
                    }
                    throw e;
                });
        return commandLine.execute(args);
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
            return "already exists: " + exists.getFile() + " (use --force to replace it)";
        }
        return e.getMessage();
    }
}
