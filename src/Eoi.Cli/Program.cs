return Eoi.Cli.Cli.Run(args, Console.Out, Console.Error);
