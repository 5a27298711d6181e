/** The `external-ips` scenario's manifests: multi-document YAML, read by `parseManifests` as a user's file. */
export default `# Two fields the Service types do not show: spec.internalTrafficPolicy and spec.externalIPs.
# node-cache has internalTrafficPolicy: Local, so a pod reaches only a cache pod on its own node;
# the cache runs on worker-1 and worker-2 (its pods select nodes labelled cache: "true"), not on
# worker-3. status is a ClusterIP Service with an externalIP, 10.0.1.100: a spare address on the
# nodes' LAN that the network routes to a node, where kube-proxy serves it like the ClusterIP.
apiVersion: explainer.dev/v1alpha1
kind: ClusterSettings
metadata:
  name: cluster
spec:
  provider: cloud
  nodeSubnet: 10.0.1.0/24
  nodesPublic: false
  clients:
    - name: laptop
      location: lan
---
apiVersion: v1
kind: Node
metadata:
  name: worker-1
  labels:
    kubernetes.io/hostname: worker-1
    cache: "true"
---
apiVersion: v1
kind: Node
metadata:
  name: worker-2
  labels:
    kubernetes.io/hostname: worker-2
    cache: "true"
---
apiVersion: v1
kind: Node
metadata:
  name: worker-3
  labels:
    kubernetes.io/hostname: worker-3
---
apiVersion: v1
kind: Pod
metadata:
  name: node-cache-w1
  namespace: default
  labels:
    app: node-cache
spec:
  nodeName: worker-1
  containers:
    - name: cache
      image: redis:7.4
      ports:
        - name: redis
          containerPort: 6379
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: node-cache-w2
  namespace: default
  labels:
    app: node-cache
spec:
  nodeName: worker-2
  containers:
    - name: cache
      image: redis:7.4
      ports:
        - name: redis
          containerPort: 6379
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: reporter-w1
  namespace: default
  labels:
    app: reporter
spec:
  nodeName: worker-1
  containers:
    - name: reporter
      image: busybox:1.36
---
apiVersion: v1
kind: Pod
metadata:
  name: reporter-w3
  namespace: default
  labels:
    app: reporter
spec:
  nodeName: worker-3
  containers:
    - name: reporter
      image: busybox:1.36
---
apiVersion: v1
kind: Pod
metadata:
  name: status-page
  namespace: default
  labels:
    app: status
spec:
  nodeName: worker-2
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: node-cache
  namespace: default
spec:
  type: ClusterIP
  internalTrafficPolicy: Local
  selector:
    app: node-cache
  ports:
    - name: redis
      port: 6379
      targetPort: redis
      protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: status
  namespace: default
spec:
  type: ClusterIP
  externalIPs:
    - 10.0.1.100
  selector:
    app: status
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
`;
