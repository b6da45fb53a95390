// Command twctl-devserver runs a whole Temporal server (go.temporal.io/server) in one process, for twctl's
// end-to-end tests, its demo and trying it by hand. It is what `temporal server start-dev` does, without the
// UI, built against the server version in go.mod: SQLite in memory (or in --db-filename), the four services
// on loopback with static membership, the `default` namespace (and any --namespace), custom search
// attributes, and dynamic config with the features twctl exercises switched on.
//
// It prints one line, "twctl-devserver ready <ip:port> server <version>", once the server has started, and
// stops cleanly on SIGINT or SIGTERM (exit 0).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/google/uuid"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/cluster"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/headers"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/membership/static"
	"go.temporal.io/server/common/metrics"
	sqliteplugin "go.temporal.io/server/common/persistence/sql/sqlplugin/sqlite"
	"go.temporal.io/server/common/primitives"
	sqliteschema "go.temporal.io/server/schema/sqlite"
	"go.temporal.io/server/temporal"
	"go.uber.org/zap"
)

const clusterName = "active"

// Dynamic config set before the command line's --dynamic-config-value (which wins). The first group is what
// `temporal server start-dev` sets in the official CLI built on server 1.32; the second switches on what twctl's
// commands and tests need.
var defaultDynamicConfig = map[string]any{
	"history.hostLevelCacheMaxSize":                         8096,
	"frontend.namespaceRPS.visibility":                      100,
	"system.forceSearchAttributesCacheRefreshOnRead":        true,
	"system.forceNexusEndpointRefreshOnRead":                true,
	"frontend.persistenceMaxQPS":                            10000,
	"history.persistenceMaxQPS":                             45000,
	"history.enableChasm":                                   true,
	"activity.enableStandalone":                             true,
	"history.enableStandaloneActivityOperatorCommands":      true,
	"frontend.enableBatchOperationsForStandaloneActivities": true,

	"frontend.WorkflowPauseEnabled":    true,
	"nexusoperation.enableStandalone":  true,
	"frontend.WorkerHeartbeatsEnabled": true, // what ListWorkers reports
	"system.enableDeploymentVersions":  true, // worker deployments (versioning v3)
	// A version that stops being current is checked for open pinned workflows after 3 minutes and then every
	// 3 minutes by default: seconds here, so that `set-current-version --wait-for-drain` can be tested.
	"matching.wv.VersionDrainageStatusVisibilityGracePeriod": "3s",
	"matching.wv.VersionDrainageStatusRefreshInterval":       "2s",
}

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

type options struct {
	ip, dbFile, logLevel        string
	port, httpPort, metricsPort int
	namespaces                  []string
	searchAttributes            map[string]enumspb.IndexedValueType
	dynamicConfig               map[string]any
}

func main() {
	opts, err := parseArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "twctl-devserver:", err)
		os.Exit(2)
	}
	if err := run(opts); err != nil {
		fmt.Fprintln(os.Stderr, "twctl-devserver:", err)
		os.Exit(1)
	}
}

func parseArgs(args []string) (*options, error) {
	fs := flag.NewFlagSet("twctl-devserver", flag.ContinueOnError)
	o := &options{}
	var namespaces, searchAttrs, dynConfig listFlag
	fs.StringVar(&o.ip, "ip", "127.0.0.1", "IP address every service binds to")
	fs.IntVar(&o.port, "port", 7233, "frontend gRPC port")
	fs.IntVar(&o.httpPort, "http-port", 0, "frontend HTTP API port (0: a free port, -1: off)")
	fs.IntVar(&o.metricsPort, "metrics-port", -1, "Prometheus /metrics port (0: a free port, -1: off)")
	fs.StringVar(&o.dbFile, "db-filename", "", "SQLite file to keep state in (default: in memory)")
	fs.StringVar(&o.logLevel, "log-level", "warn", "debug, info, warn, error or never")
	fs.Var(&namespaces, "namespace", "another namespace to register besides default (repeatable)")
	fs.Var(&searchAttrs, "search-attribute", "custom search attribute NAME=TYPE, e.g. CustomIntField=Int (repeatable)")
	fs.Var(&dynConfig, "dynamic-config-value", "dynamic config KEY=JSONVALUE (repeatable)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if o.ip == "localhost" {
		o.ip = "127.0.0.1" // the server wants an IP
	}
	if net.ParseIP(o.ip) == nil {
		return nil, fmt.Errorf("--ip %q is not an IP address", o.ip)
	}
	switch o.logLevel {
	case "debug", "info", "warn", "error", "never":
	default:
		return nil, fmt.Errorf("--log-level %q: want debug, info, warn, error or never", o.logLevel)
	}
	o.namespaces = append([]string{"default"}, namespaces...)

	o.searchAttributes = map[string]enumspb.IndexedValueType{}
	for _, kv := range searchAttrs {
		name, typ, ok := strings.Cut(kv, "=")
		if !ok || name == "" {
			return nil, fmt.Errorf("--search-attribute %q: want NAME=TYPE", kv)
		}
		t, err := indexedValueType(typ)
		if err != nil {
			return nil, fmt.Errorf("--search-attribute %q: %w", kv, err)
		}
		o.searchAttributes[name] = t
	}

	o.dynamicConfig = map[string]any{}
	for k, v := range defaultDynamicConfig {
		o.dynamicConfig[k] = v
	}
	for _, kv := range dynConfig {
		key, raw, ok := strings.Cut(kv, "=")
		if !ok || key == "" {
			return nil, fmt.Errorf("--dynamic-config-value %q: want KEY=JSONVALUE", kv)
		}
		v, err := jsonValue(raw)
		if err != nil {
			return nil, fmt.Errorf("--dynamic-config-value %q: %w", kv, err)
		}
		o.dynamicConfig[key] = v
	}
	return o, nil
}

func indexedValueType(name string) (enumspb.IndexedValueType, error) {
	for short, v := range enumspb.IndexedValueType_shorthandValue {
		if strings.EqualFold(name, short) {
			return enumspb.IndexedValueType(v), nil
		}
	}
	return 0, fmt.Errorf("unknown type %q (Text, Keyword, Int, Double, Bool, Datetime, KeywordList)", name)
}

// jsonValue decodes a dynamic config value. Whole numbers become int: the server's int settings accept
// nothing else.
func jsonValue(raw string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if n, ok := v.(json.Number); ok {
		if i, err := n.Int64(); err == nil {
			return int(i), nil
		}
		return n.Float64()
	}
	return v, nil
}

func run(o *options) error {
	if err := checkPortFree(o.ip, o.port); err != nil {
		return fmt.Errorf("frontend port %d: %w", o.port, err)
	}
	logger := newLogger(o.logLevel)
	conf, err := serverConfig(o)
	if err != nil {
		return err
	}
	authorizer, err := authorization.GetAuthorizerFromConfig(&conf.Global.Authorization)
	if err != nil {
		return err
	}
	claimMapper, err := authorization.GetClaimMapperFromConfig(&conf.Global.Authorization, logger)
	if err != nil {
		return err
	}
	dynConf := dynamicconfig.StaticClient{}
	for k, v := range o.dynamicConfig {
		dynConf[dynamicconfig.MakeKey(k)] = v
	}
	hosts := map[primitives.ServiceName]static.Hosts{}
	for _, svc := range []primitives.ServiceName{
		primitives.FrontendService, primitives.HistoryService, primitives.MatchingService, primitives.WorkerService,
	} {
		hosts[svc] = static.SingleLocalHost(hostPort(o.ip, conf.Services[string(svc)].RPC.GRPCPort))
	}

	server, err := temporal.NewServer(
		temporal.WithConfig(conf),
		temporal.ForServices(temporal.DefaultServices),
		temporal.WithStaticHosts(hosts),
		temporal.WithLogger(logger),
		temporal.WithAuthorizer(authorizer),
		temporal.WithClaimMapper(func(*config.Config) authorization.ClaimMapper { return claimMapper }),
		temporal.WithDynamicConfigClient(dynConf),
	)
	if err != nil {
		return fmt.Errorf("creating the server: %w", err)
	}
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()
	if err := server.Start(); err != nil {
		return fmt.Errorf("starting the server: %w", err)
	}
	fmt.Printf("twctl-devserver ready %s server %s\n", hostPort(o.ip, o.port), headers.ServerVersion)
	<-ctx.Done()
	cancel() // a second signal kills the process the default way
	server.Stop()
	return nil
}

func newLogger(level string) log.Logger {
	if level == "never" {
		level = "fatal"
	}
	// One line per entry: no stack traces (the server logs canceled long polls as errors when it stops).
	zl := log.BuildZapLogger(log.Config{Level: level, Format: "console"}).WithOptions(zap.AddStacktrace(zap.FatalLevel + 1))
	return log.NewZapLogger(zl)
}

func serverConfig(o *options) (*config.Config, error) {
	var conf config.Config
	conf.Global.Membership.MaxJoinDuration = 30 * time.Second
	conf.Global.Membership.BroadcastAddress = o.ip
	if o.metricsPort >= 0 {
		port, err := portOrFree(o.ip, o.metricsPort)
		if err != nil {
			return nil, err
		}
		conf.Global.Metrics = &metrics.Config{Prometheus: &metrics.PrometheusConfig{
			ListenAddress: hostPort(o.ip, port), HandlerPath: "/metrics",
		}}
	}

	sqlConf, err := sqlConfig(o)
	if err != nil {
		return nil, err
	}
	conf.Persistence.DefaultStore = "sqlite-default"
	conf.Persistence.VisibilityStore = "sqlite-default"
	conf.Persistence.NumHistoryShards = 1
	conf.Persistence.DataStores = map[string]config.DataStore{"sqlite-default": {SQL: sqlConf}}

	httpPort := 0 // off
	if o.httpPort >= 0 {
		if httpPort, err = portOrFree(o.ip, o.httpPort); err != nil {
			return nil, err
		}
	}
	conf.Services = map[string]config.Service{}
	for _, svc := range []string{"frontend", "history", "matching", "worker"} {
		var s config.Service
		s.RPC.BindOnIP = o.ip
		if svc == "frontend" {
			s.RPC.GRPCPort, s.RPC.HTTPPort = o.port, httpPort
		} else if s.RPC.GRPCPort, err = freePort(o.ip); err != nil {
			return nil, err
		}
		conf.Services[svc] = s
	}

	clusterInfo := cluster.ClusterInformation{
		Enabled:                true,
		InitialFailoverVersion: 1,
		RPCAddress:             hostPort(o.ip, o.port),
		ClusterID:              uuid.NewString(),
	}
	if httpPort != 0 {
		clusterInfo.HTTPAddress = hostPort(o.ip, httpPort)
	}
	conf.ClusterMetadata = &cluster.Config{
		FailoverVersionIncrement: 10,
		MasterClusterName:        clusterName,
		CurrentClusterName:       clusterName,
		ClusterInformation:       map[string]cluster.ClusterInformation{clusterName: clusterInfo},
	}
	conf.DCRedirectionPolicy.Policy = "noop"
	conf.Archival.History.State = "disabled"
	conf.Archival.Visibility.State = "disabled"
	conf.NamespaceDefaults.Archival.History.State = "disabled"
	conf.NamespaceDefaults.Archival.Visibility.State = "disabled"
	conf.PublicClient.HostPort = hostPort(o.ip, o.port)
	return &conf, nil
}

// sqlConfig creates the database (schema on a new file) and registers the namespaces, as start-dev does.
func sqlConfig(o *options) (*config.SQL, error) {
	conf := &config.SQL{PluginName: sqliteplugin.PluginName}
	if o.dbFile == "" {
		conf.ConnectAttributes = map[string]string{"mode": "memory", "cache": "shared"}
		conf.DatabaseName = strconv.Itoa(rand.Intn(9999999))
	} else {
		conf.ConnectAttributes = map[string]string{"mode": "rwc"}
		conf.DatabaseName = o.dbFile
		if _, err := os.Stat(o.dbFile); errors.Is(err, os.ErrNotExist) {
			if _, err := os.Stat(filepath.Dir(o.dbFile)); err != nil {
				return nil, fmt.Errorf("--db-filename: %w", err)
			}
			if err := sqliteschema.SetupSchema(conf); err != nil {
				return nil, fmt.Errorf("setting up the schema in %s: %w", o.dbFile, err)
			}
		}
	}
	var namespaces []*sqliteschema.NamespaceConfig
	for _, ns := range o.namespaces {
		nsConf, err := sqliteschema.NewNamespaceConfig(clusterName, ns, false, o.searchAttributes)
		if err != nil {
			return nil, fmt.Errorf("namespace %s: %w", ns, err)
		}
		namespaces = append(namespaces, nsConf)
	}
	if err := sqliteschema.CreateNamespaces(conf, namespaces...); err != nil {
		return nil, fmt.Errorf("registering namespaces: %w", err)
	}
	return conf, nil
}

func hostPort(ip string, port int) string { return net.JoinHostPort(ip, strconv.Itoa(port)) }

func portOrFree(ip string, port int) (int, error) {
	if port > 0 {
		return port, checkPortFree(ip, port)
	}
	return freePort(ip)
}

func checkPortFree(ip string, port int) error {
	l, err := net.Listen("tcp", hostPort(ip, port))
	if err != nil {
		return err
	}
	return l.Close()
}

// freePort returns a port the kernel just handed out, left in TIME_WAIT by a connection the listening side
// closed first: Linux then does not hand it out again for a while, but the server can still bind it (Go sets
// SO_REUSEADDR). The official CLI's devserver does the same.
func freePort(ip string) (int, error) {
	l, err := net.Listen("tcp", hostPort(ip, 0))
	if err != nil {
		return 0, err
	}
	defer l.Close()
	port := l.Addr().(*net.TCPAddr).Port
	c, err := net.Dial("tcp", hostPort(ip, port))
	if err != nil {
		return 0, err
	}
	defer c.Close()
	s, err := l.Accept()
	if err != nil {
		return 0, err
	}
	s.Close() // server side first: this end goes to TIME_WAIT
	return port, nil
}
