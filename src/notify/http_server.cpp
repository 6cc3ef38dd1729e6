#include "notify/http_server.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <chrono>
#include <sstream>
#include <stdexcept>

#include "core/errors.h"
#include "notify/header_deadlines.h"

namespace homeroom::notify {
namespace {

constexpr std::streamsize k_max_body = 16 * 1024;

// Poco serves each connection on one thread for as long as the connection lasts, so a client
// that sends nothing, sends slowly or keeps a connection idle holds a thread. Four threads and 64
// places let four such clients stall everyone and made Kannel's delivery reports fail ("Couldn't
// fetch", resets) during a weekly send. Hence many threads (mostly asleep: a parked thread costs
// little), a long queue and backlog for bursts of reports, and short limits on idle clients.
constexpr int k_threads = 128;
constexpr int k_queued = 1024;
constexpr int k_backlog = 1024;
// Each read of a request, and a new connection's wait for its first byte.
const Poco::Timespan k_idle_timeout(5, 0);
// Between two requests of one connection.
const Poco::Timespan k_keep_alive_timeout(2, 0);
// A request's headers, from the connection's start or the end of the last answer (after the
// keep-alive wait): the per-read timeout does not stop a client that trickles bytes.
constexpr std::chrono::milliseconds k_header_limit{10000};
constexpr int k_max_keep_alive_requests = 1000;

// A body that is neither chunked nor of a stated length ends only when the client closes the
// connection: reading it held a thread for the whole timeout. Poco gives GET, HEAD and DELETE
// an empty body; every other method must say how long its body is.
bool body_has_no_end(const Poco::Net::HTTPServerRequest& in) {
    const std::string& m = in.getMethod();
    return !in.hasContentLength() && !in.getChunkedTransferEncoding() &&
           m != Poco::Net::HTTPRequest::HTTP_GET && m != Poco::Net::HTTPRequest::HTTP_HEAD &&
           m != Poco::Net::HTTPRequest::HTTP_DELETE;
}

// Form parts that are files are not wanted by any route: read and dropped.
class IgnoreParts : public Poco::Net::PartHandler {
  public:
    void handlePart(const Poco::Net::MessageHeader&, std::istream& stream) override {
        stream.ignore(k_max_body);
    }
};

void send(Poco::Net::HTTPServerResponse& out, const HttpResponse& r) {
    out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(r.status));
    out.setContentType(r.content_type);
    out.set("Cache-Control", "no-store");
    out.set("Referrer-Policy", "no-referrer");
    out.set("X-Content-Type-Options", "nosniff");
    out.set("Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            "frame-ancestors 'none'");
    for (const auto& [name, value] : r.headers) out.set(name, value);
    out.setContentLength(static_cast<std::streamsize>(r.body.size()));
    out.send() << r.body;
}

HttpRequest to_request(Poco::Net::HTTPServerRequest& in, std::string& body) {
    HttpRequest r;
    r.method = in.getMethod();
    const Poco::URI uri(in.getURI());
    r.path = uri.getPath();
    r.query = parse_urlencoded(uri.getRawQuery());
    Poco::Net::IPAddress peer = in.clientAddress().host();
    if (peer.family() == Poco::Net::IPAddress::IPv6 && peer.isIPv4Mapped())
        peer = Poco::Net::IPAddress(peer.toString().substr(peer.toString().rfind(':') + 1));
    r.client_address = peer.toString();
    if (body.empty())
        return r;
    const std::string type = in.getContentType();
    if (type.rfind("multipart/form-data", 0) == 0) {
        Poco::Net::HTTPRequest bare(r.method, "/", in.getVersion());
        bare.setContentType(type);
        std::istringstream stream(body);
        Poco::Net::HTMLForm form;
        form.setFieldLimit(20);
        IgnoreParts ignore;
        form.load(bare, stream, ignore);
        for (const auto& [name, value] : form) r.form.emplace(name, value);
    } else {
        r.form = parse_urlencoded(body);
    }
    return r;
}

class RouteHandler : public Poco::Net::HTTPRequestHandler {
  public:
    RouteHandler(const RouteTable& routes, HeaderDeadlines& deadlines)
        : m_routes(routes), m_deadlines(deadlines) {}
    // Poco destroys the handler once the answer is sent; the next request may follow.
    ~RouteHandler() override {
        m_deadlines.next_request_due(
            std::chrono::milliseconds(k_keep_alive_timeout.totalMilliseconds()));
    }

    void handleRequest(Poco::Net::HTTPServerRequest& in,
                       Poco::Net::HTTPServerResponse& out) override {
        if (body_has_no_end(in)) {
            out.setKeepAlive(false);  // where the body ends is unknown: the connection is done
            send(out, simple_page(411, "Length required", "Say how long the request is."));
            return;
        }
        if (in.getContentLength() > k_max_body) {
            send(out, simple_page(413, "Too large", "The request is too large."));
            return;
        }
        std::string body(static_cast<std::size_t>(k_max_body) + 1, '\0');
        in.stream().read(body.data(), k_max_body + 1);
        body.resize(static_cast<std::size_t>(in.stream().gcount()));
        if (body.size() > static_cast<std::size_t>(k_max_body)) {
            send(out, simple_page(413, "Too large", "The request is too large."));
            return;
        }
        HttpRequest request;
        try {
            request = to_request(in, body);
        } catch (const Poco::Exception&) {
            send(out, simple_page(400, "Bad request", "The request could not be read."));
            return;
        }
        send(out, m_routes.dispatch(request));
    }

  private:
    const RouteTable& m_routes;
    HeaderDeadlines& m_deadlines;
};

class RouteHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
  public:
    RouteHandlerFactory(const RouteTable& routes, HeaderDeadlines& deadlines)
        : m_routes(routes), m_deadlines(deadlines) {}
    // Called once the request's headers have been read.
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
        m_deadlines.headers_in();
        return new RouteHandler(m_routes, m_deadlines);
    }
    // What HTTPServer::stopAll(false) does, which only a friend may: each connection ends after
    // its current request.
    void stop_connections() {
        const bool abort_current = false;
        serverStopped(this, abort_current);
    }

  private:
    const RouteTable& m_routes;
    HeaderDeadlines& m_deadlines;
};

// Poco's HTTP connection, watched by HeaderDeadlines for as long as it runs.
class WatchedConnection : public Poco::Net::HTTPServerConnection {
  public:
    WatchedConnection(const Poco::Net::StreamSocket& socket,
                      Poco::Net::HTTPServerParams::Ptr params,
                      Poco::Net::HTTPRequestHandlerFactory::Ptr factory, HeaderDeadlines& deadlines)
        : HTTPServerConnection(socket, params, factory), m_deadlines(deadlines) {}

    void run() override {
        struct Forget {
            HeaderDeadlines& deadlines;
            ~Forget() { deadlines.forget(); }
        } forget{m_deadlines};
        m_deadlines.watch(socket());
        HTTPServerConnection::run();
    }

  private:
    HeaderDeadlines& m_deadlines;
};

class WatchedConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
  public:
    WatchedConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                             Poco::Net::HTTPRequestHandlerFactory::Ptr factory,
                             HeaderDeadlines& deadlines)
        : m_params(std::move(params)), m_factory(std::move(factory)), m_deadlines(deadlines) {}
    Poco::Net::TCPServerConnection* createConnection(
        const Poco::Net::StreamSocket& socket) override {
        return new WatchedConnection(socket, m_params, m_factory, m_deadlines);
    }

  private:
    Poco::Net::HTTPServerParams::Ptr m_params;
    Poco::Net::HTTPRequestHandlerFactory::Ptr m_factory;
    HeaderDeadlines& m_deadlines;
};

}  // namespace

std::pair<std::string, std::uint16_t> parse_listen_address(std::string_view text) {
    std::string host;
    std::string_view port_text;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find("]:");
        if (close == std::string_view::npos)
            throw std::invalid_argument("not HOST:PORT");
        host = std::string(text.substr(1, close - 1));
        port_text = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string_view::npos || text.find(':') != colon)
            throw std::invalid_argument("not HOST:PORT");
        host = std::string(text.substr(0, colon));
        port_text = text.substr(colon + 1);
    }
    if (host.empty() || port_text.empty() || port_text.size() > 5)
        throw std::invalid_argument("not HOST:PORT");
    unsigned port = 0;
    for (char c : port_text) {
        if (c < '0' || c > '9')
            throw std::invalid_argument("the port is not a number");
        port = port * 10 + static_cast<unsigned>(c - '0');
    }
    if (port > 65535)
        throw std::invalid_argument("the port is above 65535");
    return {host, static_cast<std::uint16_t>(port)};
}

struct HttpServer::Impl {
    std::string host;
    // Destroyed in reverse: the server, then the pool (joining the connections' threads), then
    // the deadlines those connections use.
    HeaderDeadlines deadlines{k_header_limit};
    // Poco's default pool has 16 threads whatever setMaxThreads says.
    Poco::ThreadPool threads{4, k_threads, 60};
    Poco::Net::ServerSocket socket;
    Poco::Net::HTTPRequestHandlerFactory::Ptr factory;
    RouteHandlerFactory* routes = nullptr;  // the same factory
    // A TCPServer of Poco's HTTP connections rather than an HTTPServer, which cannot be given
    // the watched ones.
    std::unique_ptr<Poco::Net::TCPServer> server;
    bool running = false;
};

HttpServer::HttpServer(const RouteTable& routes, std::string_view listen)
    : m_impl(std::make_unique<Impl>()) {
    std::pair<std::string, std::uint16_t> address;
    try {
        address = parse_listen_address(listen);
    } catch (const std::invalid_argument& e) {
        throw UsageError("cannot listen on \"" + std::string(listen) + "\": " + e.what());
    }
    m_impl->host = address.first;
    try {
        m_impl->socket.bind(Poco::Net::SocketAddress(address.first, address.second), true);
        m_impl->socket.listen(k_backlog);
    } catch (const Poco::Exception& e) {
        throw UnavailableError("cannot listen on " + std::string(listen) + ": " + e.displayText());
    }
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(k_threads);
    params->setMaxQueued(k_queued);
    params->setTimeout(k_idle_timeout);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(k_keep_alive_timeout);
    params->setMaxKeepAliveRequests(k_max_keep_alive_requests);
    Poco::Net::HTTPServerParams::Ptr shared_params(params);
    m_impl->routes = new RouteHandlerFactory(routes, m_impl->deadlines);
    m_impl->factory = m_impl->routes;
    m_impl->server = std::make_unique<Poco::Net::TCPServer>(
        new WatchedConnectionFactory(shared_params, m_impl->factory, m_impl->deadlines),
        m_impl->threads, m_impl->socket, shared_params);
    m_impl->server->start();
    m_impl->running = true;
}

HttpServer::~HttpServer() {
    try {
        stop();
    } catch (...) {  // a destructor never throws
    }
}

std::string HttpServer::host() const {
    return m_impl->host;
}

std::uint16_t HttpServer::port() const {
    return m_impl->socket.address().port();
}

void HttpServer::stop() {
    if (!m_impl->running)
        return;
    m_impl->running = false;
    // As HTTPServer::stopAll(false): no new connections; each running one ends after its
    // current request.
    m_impl->server->stop();
    m_impl->routes->stop_connections();
    // Connections waiting for a request would wait out their timeout; they end now.
    m_impl->deadlines.cut_off_all();
}

}  // namespace homeroom::notify
