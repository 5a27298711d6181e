/** The `traffic-policy` scenario's manifests: multi-document YAML, read by `parseManifests` as a user's file. */
export default `# externalTrafficPolicy side by side: two NodePort Services over the same pods, one Cluster and
# one Local. The web pods run on worker-1 and worker-2 only; worker-3 has none.
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
---
apiVersion: v1
kind: Node
metadata:
  name: worker-2
  labels:
    kubernetes.io/hostname: worker-2
---
apiVersion: v1
kind: Node
metadata:
  name: worker-3
  labels:
    kubernetes.io/hostname: worker-3
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: web-8c6f4d7b59-d2v6q
  namespace: default
  labels:
    app: web
    pod-template-hash: 8c6f4d7b59
spec:
  nodeName: worker-1
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: web-8c6f4d7b59-s8j5w
  namespace: default
  labels:
    app: web
    pod-template-hash: 8c6f4d7b59
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
  name: web-cluster
  namespace: default
  labels:
    app: web
spec:
  type: NodePort
  externalTrafficPolicy: Cluster
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
      nodePort: 30080
      protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: web-local
  namespace: default
  labels:
    app: web
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
      nodePort: 30081
      protocol: TCP
`;
