# The `eoi` tool on the .NET 10 runtime, for Kubernetes Indexed Jobs (docs/CLUSTER.md).
#   docker build -t eoi .
#   docker run --rm eoi experiment mlp7-mnist --quick -o /tmp/quick
# Untested here: the development machine has no container engine and no access to the image registry.

# Build stage: the SDK image publishes the CLI (framework-dependent, Release) into /app.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Eoi.Cli/Eoi.Cli.csproj -c Release -o /app

# Runtime stage: the .NET runtime and the published tool, nothing else. Data and results live on a mounted
# volume (--data-dir, -o); the image holds no data set.
FROM mcr.microsoft.com/dotnet/runtime:10.0
COPY --from=build /app /opt/eoi
WORKDIR /work
ENTRYPOINT ["dotnet", "/opt/eoi/eoi.dll"]
CMD ["--help"]
