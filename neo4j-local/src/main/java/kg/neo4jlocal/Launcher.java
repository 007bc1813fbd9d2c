package kg.neo4jlocal;
public class Launcher { public static void main(String[] a) {} }
