package kg.neo4jlocal;

import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.impl.index.LuceneSettings;

/**
 * Runs Neo4j community edition embedded, reachable only over Bolt on 127.0.0.1.
 *
 * Configured by system properties (set by src/db/local-neo4j.ts):
 *   neo4j.home       the folder that holds data/ and logs/
 *   neo4j.bolt.port  the Bolt port
 *   neo4j.pagecache  page cache size in MiB
 *   neo4j.txTimeout  longest a transaction may run, in seconds (0: no limit)
 * and by the environment: NEO4J_PASSWORD, the password of the "neo4j" user, set at every start.
 *
 * Prints "NEO4J_READY bolt://127.0.0.1:PORT" once the databases are up, and shuts down
 * cleanly on SIGTERM or SIGINT.
 */
public final class Launcher {
  public static void main(String[] args) {
    Path home = Path.of(required("neo4j.home"));
    int port = Integer.parseInt(required("neo4j.bolt.port"));
    long pageCacheMiB = Long.parseLong(System.getProperty("neo4j.pagecache", "512"));
    long txTimeoutSeconds = Long.parseLong(System.getProperty("neo4j.txTimeout", "0"));
    String password = System.getenv("NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      fail("NEO4J_PASSWORD must be set to at least 8 characters");
    }

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        // Bolt's two event-loop groups each wait a quiet period (5 s by default) before they stop,
        // which made every stop take 10 s. The app closes its driver before stopping this Neo4j,
        // so there is nothing to wait for.
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        // The vector index is searched segment by segment, each for as many candidates as asked,
        // so its cost grows with the number of Lucene segments. Neo4j merges vector segments only
        // fifty at a time (a thousand while it builds an index over existing vectors): 115,000
        // vectors were 8 segments, or 23. Merged two at a time they were 5, and a search finding
        // as much of the true nearest took about a quarter less time (bench/RESULTS.md,
        // "Vector index segments").
        .setConfig(LuceneSettings.vector_standard_merge_factor, 2)
        .setConfig(LuceneSettings.vector_population_merge_factor, 2)
        .setConfig(LuceneSettings.vector_population_ram_buffer_size, 256.0)
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

    setPassword(dbms, password);
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();
  }

  /** Makes the configured password the neo4j user's, so the configuration is the one truth. */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
          java.util.Map.of("password", password));
    } catch (RuntimeException e) {
      // Neo4j refuses to "change" a password to the value it already has; that is the goal state.
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
    }
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) fail("system property " + name + " is required");
    return value;
  }

  private static void fail(String message) {
    System.err.println("neo4j-local: " + message);
    System.exit(2);
  }
}
